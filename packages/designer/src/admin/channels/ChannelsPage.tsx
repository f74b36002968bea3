import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import type { ChannelInfo, ChannelKind, DeliveryInfo, NoticeEvent } from '../../api/fieldworkApi';
import { useApi } from '../../app/ApiContext';
import { useFeedback } from '../../app/Feedback';
import { useI18n } from '../../i18n/I18nContext';
import { LoadMore } from '../../shared/LoadMore';
import { errorText } from '../shared/errorText';
import { formatDateTime } from '../../shared/format';

const KINDS: ChannelKind[] = ['webhook', 'wecom', 'dingtalk', 'email'];
const EVENTS: NoticeEvent[] = ['record', 'approval', 'deadline', 'fine'];

interface DeliveryLog {
  items: DeliveryInfo[];
  total: number;
  totalCapped: boolean;
  nextCursor: string | null;
  loading: boolean;
}

interface Values {
  store: string;
  kind: ChannelKind;
  name: string;
  events: NoticeEvent[];
  url?: string;
  secret?: string;
  host?: string;
  port?: number;
  user?: string;
  pass?: string;
  from?: string;
  to?: string;
}

/** 通知渠道: where each store's notices go besides the app (webhook, 企业微信, 钉钉, e-mail), each with its delivery log and replay. */
export function ChannelsPage() {
  const api = useApi();
  const { t, locale } = useI18n();
  const { message } = useFeedback();
  const [channels, setChannels] = useState<ChannelInfo[] | null>(null);
  const [stores, setStores] = useState<string[]>([]);
  /** Each opened channel's delivery log: the pages read so far, the total and the cursor of the next page. */
  const [log, setLog] = useState<Record<string, DeliveryLog>>({});
  const [busy, setBusy] = useState(false);
  /** Stores by the names people read (a store nobody named yet by its id). */
  const [storeNames, setStoreNames] = useState<Record<string, string>>({});
  const storeName = (id: string) => (Object.hasOwn(storeNames, id) ? storeNames[id]! : id);
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'webhook';

  const load = useCallback(async () => {
    try {
      const [list, known] = await Promise.all([api.fieldwork.channels(), api.fieldwork.stores()]);
      setChannels(list.items);
      setStores(known.items);
      setStoreNames(known.names);
    } catch (e) {
      setChannels([]);
      void message.error(errorText(e, t, locale));
    }
  }, [api, message, t, locale]);
  useEffect(() => {
    void load();
  }, [load]);

  // In the stores' time zone, as every other time in the app (not the browser's).
  const when = (iso: string | null) => (iso ? formatDateTime(iso, locale) : '–');

  const create = async (v: Values) => {
    setBusy(true);
    try {
      const config: Record<string, unknown> =
        v.kind === 'email'
          ? {
              host: v.host,
              port: v.port,
              from: v.from,
              to: (v.to ?? '').split(/[,，\s]+/).filter(Boolean),
              ...(v.user ? { user: v.user, pass: v.pass ?? '' } : {}),
            }
          : { url: v.url, ...(v.secret ? { secret: v.secret } : {}) };
      await api.fieldwork.createChannel({ store: v.store, kind: v.kind, name: v.name.trim(), events: v.events, config });
      form.resetFields();
      void message.success(t('channels.saved'));
      await load();
    } catch (e) {
      void message.error(errorText(e, t, locale));
    } finally {
      setBusy(false);
    }
  };

  /** Reads the log's first page again, or (`more`) the page after the last one read. */
  const showLog = async (id: string, more = false) => {
    const cursor = more ? log[id]?.nextCursor : null;
    if (more && !cursor) return;
    if (more) setLog((l) => ({ ...l, [id]: { ...l[id]!, loading: true } }));
    try {
      const r = await api.fieldwork.deliveries(id, cursor ?? undefined);
      setLog((l) => ({ ...l, [id]: { ...r, items: more ? [...(l[id]?.items ?? []), ...r.items] : r.items, loading: false } }));
    } catch (e) {
      if (more) setLog((l) => ({ ...l, [id]: { ...l[id]!, loading: false } }));
      void message.error(errorText(e, t, locale));
    }
  };

  return (
    <section aria-labelledby="channels-title">
      <Typography.Title id="channels-title" level={2}>
        {t('channels.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('channels.intro')}</Typography.Paragraph>
      <Card title={<h3 className="card-heading">{t('channels.add')}</h3>} style={{ marginBottom: 16 }}>
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ kind: 'webhook', events: ['approval'] }}
          onFinish={(v) => void create(v)}
          requiredMark={false}
        >
          <Space wrap align="start">
            <Form.Item name="store" label={t('channels.store')} rules={[{ required: true, message: t('channels.required') }]}>
              <Select style={{ minWidth: 160 }} options={stores.map((s) => ({ value: s, label: storeName(s) }))} />
            </Form.Item>
            <Form.Item name="kind" label={t('channels.kind')}>
              <Select style={{ minWidth: 160 }} options={KINDS.map((k) => ({ value: k, label: t(`channels.kind.${k}`) }))} />
            </Form.Item>
            <Form.Item name="name" label={t('channels.name')} rules={[{ required: true, message: t('channels.required') }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Space>
          <Form.Item name="events" label={t('channels.events')} rules={[{ required: true, message: t('channels.required') }]}>
            <Checkbox.Group options={EVENTS.map((e) => ({ value: e, label: t(`channels.event.${e}`) }))} />
          </Form.Item>
          {kind === 'email' ? (
            <Space wrap align="start">
              <Form.Item name="host" label={t('channels.host')} rules={[{ required: true, message: t('channels.required') }]}>
                <Input maxLength={253} />
              </Form.Item>
              <Form.Item name="port" label={t('channels.port')} rules={[{ required: true, message: t('channels.required') }]}>
                <InputNumber min={1} max={65535} />
              </Form.Item>
              <Form.Item name="user" label={t('channels.user')}>
                <Input maxLength={200} autoComplete="off" />
              </Form.Item>
              <Form.Item name="pass" label={t('channels.pass')}>
                <Input.Password maxLength={200} autoComplete="new-password" />
              </Form.Item>
              <Form.Item name="from" label={t('channels.from')} rules={[{ required: true, message: t('channels.required') }]}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="to" label={t('channels.to')} rules={[{ required: true, message: t('channels.required') }]}>
                <Input maxLength={2000} />
              </Form.Item>
            </Space>
          ) : (
            <Space wrap align="start">
              <Form.Item name="url" label={t('channels.url')} rules={[{ required: true, message: t('channels.required') }]}>
                <Input maxLength={2000} style={{ minWidth: 320 }} />
              </Form.Item>
              {kind !== 'wecom' && (
                <Form.Item name="secret" label={t(kind === 'webhook' ? 'channels.secret' : 'channels.dingSecret')}>
                  <Input.Password maxLength={200} autoComplete="new-password" />
                </Form.Item>
              )}
            </Space>
          )}
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('channels.save')}
          </Button>
        </Form>
      </Card>
      {channels?.length === 0 && <Alert type="info" showIcon title={t('channels.none')} />}
      {(channels ?? []).map((c) => {
        const entry = log[c.id];
        return (
          <Card
            key={c.id}
            style={{ marginBottom: 16 }}
            title={
              <h3 className="card-heading">
                {c.name} · {storeName(c.store)} · {t(`channels.kind.${c.kind}`)}
              </h3>
            }
            extra={
              <Space>
                <Button onClick={() => void showLog(c.id)}>{t('channels.log')}</Button>
                <Button
                  danger
                  onClick={() =>
                    void api.fieldwork
                      .deleteChannel(c.id)
                      .then(load)
                      .catch((e: unknown) => message.error(errorText(e, t, locale)))
                  }
                >
                  {t('channels.delete')}
                </Button>
              </Space>
            }
          >
            <Space wrap>
              {c.events.map((e) => (
                <Tag key={e}>{t(`channels.event.${e}`)}</Tag>
              ))}
              <Typography.Text type="secondary">
                {typeof c.config.url === 'string' ? c.config.url : (c.config.host as string)}
              </Typography.Text>
            </Space>
            {entry && (
              <Table<DeliveryInfo>
                style={{ marginTop: 12 }}
                size="small"
                rowKey="id"
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={entry.items}
                locale={{ emptyText: t('channels.noDeliveries') }}
                columns={[
                  { key: 'at', title: t('channels.at'), render: (_, d) => when(d.createdAt) },
                  { key: 'message', title: t('channels.message'), render: (_, d) => d.payload.notice.message[locale] },
                  {
                    key: 'state',
                    title: t('channels.state'),
                    render: (_, d) => (
                      <Tag color={d.state === 'delivered' ? 'green' : d.state === 'failed' ? 'red' : 'gold'}>
                        {t(`channels.state.${d.state}`)}
                      </Tag>
                    ),
                  },
                  { key: 'attempts', title: t('channels.attempts'), dataIndex: 'attempts' },
                  {
                    key: 'last',
                    title: t('channels.last'),
                    render: (_, d) => [d.lastStatus ? `HTTP ${d.lastStatus}` : '', d.lastError ?? ''].filter(Boolean).join(' · '),
                  },
                  { key: 'next', title: t('channels.next'), render: (_, d) => (d.state === 'pending' ? when(d.nextAt) : '') },
                  {
                    key: 'replay',
                    title: '',
                    render: (_, d) => (
                      <Button
                        size="small"
                        onClick={() =>
                          void api.fieldwork
                            .replay(d.id)
                            .then(() => showLog(c.id))
                            .catch((e: unknown) => message.error(errorText(e, t, locale)))
                        }
                      >
                        {t('channels.replay')}
                      </Button>
                    ),
                  },
                ]}
              />
            )}
            {entry && (
              <LoadMore
                shown={entry.items.length}
                total={entry.total}
                atLeast={entry.totalCapped}
                more={entry.nextCursor !== null}
                loading={entry.loading}
                onMore={() => void showLog(c.id, true)}
              />
            )}
          </Card>
        );
      })}
    </section>
  );
}
