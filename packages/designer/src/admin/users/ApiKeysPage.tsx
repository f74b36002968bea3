import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { CardTable } from '../../shared/list/CardTable';
import { API_KEY_SCOPES, type ApiKeyInfo, type ApiKeyScope } from '../../api/usersApi';
import { useApi } from '../../app/ApiContext';
import { useI18n } from '../../i18n/I18nContext';
import { usePeople } from '../../shared/people/usePeople';
import { actorName } from '../../shared/people/actorName';
import { CheckboxGroupField } from '../shared/CheckboxGroupField';
import { errorText } from '../shared/errorText';
import { useFeedback } from '../../app/Feedback';
import { formatDateTime } from '../../shared/format';

interface NewKeyValues {
  name: string;
  scopes: ApiKeyScope[];
}

/** Integrators' API keys: create one (its secret is shown once), see what each may do, revoke. */
export function ApiKeysPage() {
  const api = useApi();
  const people = usePeople(api);
  const { t, locale } = useI18n();
  const { message, modal } = useFeedback();
  const [keys, setKeys] = useState<ApiKeyInfo[] | null>(null);
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState(false);
  /** The key just created, with its secret: shown until the admin closes it, never again. */
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [secretOpen, setSecretOpen] = useState(false);
  const [copied, setCopied] = useState(false);
  const [form] = Form.useForm<NewKeyValues>();

  const load = useCallback(async () => {
    try {
      const list = await api.users.apiKeys();
      // Active keys first, the newest on top.
      setKeys(list.sort((a, b) => Number(a.revoked) - Number(b.revoked) || b.createdAt.localeCompare(a.createdAt)));
    } catch (e) {
      setKeys([]);
      void message.error(errorText(e, t, locale));
    }
  }, [api, message, t, locale]);

  useEffect(() => {
    void load();
  }, [load]);

  const when = (iso: string | null | undefined) => (iso ? formatDateTime(iso, locale) : t('apiKeys.never'));

  const create = async (values: NewKeyValues) => {
    setBusy(true);
    try {
      const result = await api.users.createApiKey(values.name.trim(), values.scopes);
      setCreating(false);
      setCopied(false);
      setCreated({ name: result.key.name, secret: result.secret });
      setSecretOpen(true);
      await load();
    } catch (e) {
      void message.error(errorText(e, t, locale));
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopied(true);
    } catch {
      // No clipboard (insecure origin, denied): the key stays on screen to select by hand.
    }
  };

  const revoke = (key: ApiKeyInfo) =>
    modal.confirm({
      title: t('apiKeys.revokeConfirm', { name: key.name }),
      content: t('apiKeys.revokeExplain'),
      okText: t('apiKeys.revoke'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await api.users.revokeApiKey(key.id);
          void message.success(t('apiKeys.revokedDone', { name: key.name }));
        } catch (e) {
          void message.error(errorText(e, t, locale));
        }
        await load();
      },
    });

  const showLastUsed = (keys ?? []).some((k) => 'lastUsedAt' in k);

  return (
    <section aria-labelledby="api-keys-title">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title id="api-keys-title" level={2} style={{ margin: 0 }}>
          {t('apiKeys.title')}
        </Typography.Title>
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('apiKeys.new')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">{t('apiKeys.intro')}</Typography.Paragraph>
      <CardTable<ApiKeyInfo>
        rowKey="id"
        loading={keys === null}
        dataSource={keys ?? []}
        pagination={false}
        locale={{ emptyText: <Typography.Text type="secondary">{t('apiKeys.none')}</Typography.Text> }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('apiKeys.name'), dataIndex: 'name' },
          {
            title: t('apiKeys.scopes'),
            render: (_, key) => (
              <Space size={4} wrap>
                {key.scopes.map((scope) => (
                  <Tag key={scope} title={t(`apiKeys.scope.${scope}`)}>
                    {t(`apiKeys.scopeName.${scope}`)}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('apiKeys.created'),
            render: (_, key) => (
              <span>
                {when(key.createdAt)}
                {key.createdBy && (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {actorName(people, key.createdBy, locale)}
                  </Typography.Text>
                )}
              </span>
            ),
          },
          ...(showLastUsed ? [{ title: t('apiKeys.lastUsed'), render: (_: unknown, key: ApiKeyInfo) => when(key.lastUsedAt) }] : []),
          {
            title: t('apiKeys.state'),
            render: (_, key) => (key.revoked ? <Tag>{t('apiKeys.revoked')}</Tag> : <Tag color="#237804">{t('apiKeys.active')}</Tag>),
          },
          {
            title: t('common.actions'),
            render: (_, key) =>
              key.revoked ? null : (
                <Button size="small" danger onClick={() => void revoke(key)} aria-label={`${t('apiKeys.revoke')} ${key.name}`}>
                  {t('apiKeys.revoke')}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={creating}
        title={t('apiKeys.new')}
        okText={t('common.create')}
        cancelText={t('common.cancel')}
        onOk={() => form.submit()}
        okButtonProps={{ loading: busy }}
        onCancel={() => setCreating(false)}
        destroyOnHidden
        width={600}
      >
        <Form<NewKeyValues> form={form} name="apiKey" layout="vertical" onFinish={(v) => void create(v)} preserve={false}>
          <Form.Item
            name="name"
            label={t('apiKeys.name')}
            extra={t('apiKeys.nameHelp')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 100 }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="scopes"
            label={t('apiKeys.scopes')}
            rules={[{ required: true, type: 'array', min: 1, message: t('apiKeys.scopesRequired') }]}
          >
            <CheckboxGroupField label={t('apiKeys.scopes')} style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
              {API_KEY_SCOPES.map((scope) => (
                <Checkbox key={scope} value={scope}>
                  <Typography.Text strong>{t(`apiKeys.scopeName.${scope}`)}</Typography.Text>
                  <Typography.Text type="secondary" style={{ marginInlineStart: 4 }}>
                    {t(`apiKeys.scope.${scope}`)}
                  </Typography.Text>
                </Checkbox>
              ))}
            </CheckboxGroupField>
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={secretOpen}
        title={t('apiKeys.secretTitle', { name: created?.name ?? '' })}
        afterClose={() => setCreated(null)}
        destroyOnHidden
        closable={false}
        maskClosable={false}
        keyboard={false}
        footer={
          <Button type="primary" onClick={() => setSecretOpen(false)}>
            {t('apiKeys.done')}
          </Button>
        }
        width={600}
      >
        <Alert type="warning" showIcon title={t('apiKeys.secretWarning')} style={{ marginBottom: 16 }} />
        <label htmlFor="api-key-secret" style={{ display: 'block', marginBottom: 4 }}>
          {t('apiKeys.secret')}
        </label>
        <Space.Compact style={{ width: '100%' }}>
          <Input
            id="api-key-secret"
            readOnly
            value={created?.secret ?? ''}
            style={{ fontFamily: 'monospace' }}
            onFocus={(e) => e.currentTarget.select()}
          />
          <Button onClick={() => void copy()}>{copied ? t('apiKeys.copied') : t('apiKeys.copy')}</Button>
        </Space.Compact>
      </Modal>
    </section>
  );
}
