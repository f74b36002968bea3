import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Tag, Timeline, Typography } from 'antd';
import { fieldAt, stampOf, type FormDefinition, type LocalizedText } from '@aftersales/engine';
import type { HistoryPage, RecordDetail } from '../../api/workApi';
import { LoadMore } from '../../shared/LoadMore';
import { useApi } from '../../app/ApiContext';
import { useI18n } from '../../i18n/I18nContext';
import { PublishedRecordForm } from '../shared/PublishedRecordForm';
import { CHIP_COLORS, DeadlineChips } from '../shared/DeadlineChips';
import { formatDateTime, formatMoney } from '../../shared/format';
import { PolicyAnswer } from '../shared/PolicyAnswer';
import { problemText } from '../../shared/problemText';
import { recordLabel } from '../shared/recordLabel';
import { loadFormVersion } from '../shared/useForms';
import { usePolicyText } from '../shared/usePolicyText';
import { changedFields } from './recordHistory';
import { approvalEvent } from './approvalEvent';
import { fineEvent } from './fineEvent';
import { RecordSectionsView } from './RecordSectionsView';
import { StepButton } from './StepButton';
import { RecordApprovals } from './RecordApprovals';
import { lockForEditor } from './lockForEditor';
import { preloadDatePicker } from '../../shared/dates/DateInput';
import { BackToList } from './BackToList';
import { useAuth } from '../../app/auth/AuthContext';
import { useFeedback } from '../../app/Feedback';
import { Loading } from '../../app/Loading';
import { DispatchCard } from './DispatchCard';
import { usePeople } from '../../shared/people/usePeople';
import { actorName } from '../../shared/people/actorName';
import { LinkedRecordsCard } from './links/LinkedRecordsCard';
import { RecordFinesCard } from './RecordFinesCard';
import { useRecordFines } from './useRecordFines';
import { linkTitles, useRecordLinks } from './links/useRecordLinks';

/**
 * One record: its status and the moves open to it (disabled, with the reason, while an approval
 * or a block guards them), deadlines, the fines posted on it (for managers), the policy's answer,
 * the data (editable), and its history.
 */
export function RecordDetailPage() {
  const { id = '' } = useParams();
  const api = useApi();
  const { message } = useFeedback();
  const { t, text, locale } = useI18n();
  const [record, setRecord] = useState<RecordDetail | null | undefined>(undefined);
  const [form, setForm] = useState<FormDefinition | null>(null);
  const [history, setHistory] = useState<HistoryPage | null>(null);
  const [loadingHistory, setLoadingHistory] = useState(false);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const policy = usePolicyText(form ?? undefined);
  const { user } = useAuth();
  const people = usePeople(api);
  const links = useRecordLinks(id, record?.rev);
  // The record's fines (managers and admins: the fines card, and who pays a fine its history names), read again after each load.
  const fines = useRecordFines(record ? record.id : null, record);

  const load = useCallback(async () => {
    try {
      const next = await api.work.record(id);
      const [definition, audit] = await Promise.all([loadFormVersion(api, next.formId, next.formVersion), api.work.history(id)]);
      setRecord(next);
      setForm(definition);
      setHistory(audit);
    } catch (e) {
      setRecord(null);
      setError(problemText(e, t, locale));
    }
  }, [api, id, t, locale]);

  /** The history's next page, after those shown (the log is paged newest first). */
  const moreHistory = useCallback(async () => {
    if (!history?.nextCursor || loadingHistory) return;
    setLoadingHistory(true);
    try {
      const next = await api.work.history(id, history.nextCursor);
      setHistory((shown) => (shown ? { ...next, items: [...shown.items, ...next.items] } : next));
    } catch (e) {
      void message.error(problemText(e, t, locale));
    } finally {
      setLoadingHistory(false);
    }
  }, [api, id, history, loadingHistory, message, t, locale]);

  /** The history's first page again (a fine was waived or corrected on this page: its entry is new). */
  const reloadHistory = useCallback(async () => {
    try {
      setHistory(await api.work.history(id));
    } catch (e) {
      void message.error(problemText(e, t, locale));
    }
  }, [api, id, message, t, locale]);

  useEffect(() => {
    void load();
  }, [load]);
  // The edit form's date boxes: their calendar's code comes while the record is read, not when 修改 is tapped.
  useEffect(preloadDatePicker, []);

  if (record === undefined) return <Loading />;
  if (record === null || !form) return <Alert type="error" showIcon title={error ?? t('common.notFound')} />;

  const move = async (to: string) => {
    setBusy(to);
    setError(null);
    try {
      await api.work.transition(record.id, to);
      void message.success(t('staff.detail.moved', { status: policy.status(to) }));
      await load();
    } catch (e) {
      // The record may have moved meanwhile (another person, another tab): the page shows where it is now.
      await load();
      setError(problemText(e, t, locale));
    } finally {
      setBusy(null);
    }
  };

  const save = async (data: unknown) => {
    setBusy('save');
    setError(null);
    try {
      await api.work.update(record.id, data, record.rev);
      setEditing(false);
      void message.success(t('staff.recordSaved'));
      await load();
    } catch (e) {
      setError(problemText(e, t, locale));
    } finally {
      setBusy(null);
    }
  };

  const finalState = form.statusFlow?.states.find((s) => s.id === record.status)?.final === true;
  const fieldTitle = (name: string) => text(fieldAt(form.schema, name)?.label) || name;

  return (
    <section aria-labelledby="record-title" className="staff-page">
      <Typography.Title id="record-title" level={2}>
        {text(form.title)} · {recordLabel(form, record, locale, people)}
      </Typography.Title>
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }} className="record-meta">
        <Descriptions.Item label={t('staff.records.status')}>
          <Tag color={finalState ? CHIP_COLORS.met : CHIP_COLORS.onTime}>{policy.status(record.status) || '–'}</Tag>
          {/* A rejected request says so, with the approver's reason, beside the status it stays in. */}
          {(record.approvals ?? [])
            .filter((a) => a.state === 'rejected')
            .map((a) => (
              <Tag key={a.id} color={CHIP_COLORS.overdue} className="rejected-tag">
                {t('fieldwork.rejected', { reason: a.comment || text(a.reason) })}
              </Tag>
            ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('staff.store')}>{record.storeName ?? record.store ?? '–'}</Descriptions.Item>
        <Descriptions.Item label={t('staff.records.created')}>
          {formatDateTime(record.createdAt, locale, policy.timeZone)} · {actorName(people, record.createdBy, locale)}
        </Descriptions.Item>
        <Descriptions.Item label={t('staff.detail.version')}>
          {t('staff.detail.formVersion', { version: record.formVersion })}
        </Descriptions.Item>
      </Descriptions>
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="staff-alert"
          title={t('staff.refused')}
          description={error}
          closable
          onClose={() => setError(null)}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          {form.assignment && (
            <DispatchCard
              form={form}
              record={record}
              onDispatched={() => void load()}
              onError={(e) => setError(problemText(e, t, locale))}
            />
          )}
          {record.transitions.length > 0 && (
            <Card className="staff-card" title={<h3 className="card-heading">{t('staff.detail.next')}</h3>}>
              <Space direction="vertical" style={{ width: '100%' }}>
                {record.transitions.map(({ to, guards }) => (
                  <StepButton
                    key={to}
                    form={form}
                    from={record.status}
                    to={to}
                    guards={guards}
                    busy={busy === to}
                    statusLabel={policy.status(to)}
                    onMove={() => void move(to)}
                    besideStep={record.transitions.some((other) => stampOf(form, record.status, other.to) !== undefined)}
                  />
                ))}
              </Space>
            </Card>
          )}
          <Card
            className="staff-card"
            title={<h3 className="card-heading">{t('staff.detail.data')}</h3>}
            extra={
              !editing &&
              !record.final && (
                <Button
                  onClick={() => {
                    setDraft(record.data);
                    setEditing(true);
                  }}
                >
                  {t('staff.detail.edit')}
                </Button>
              )
            }
          >
            {editing ? (
              <PublishedRecordForm
                formId={record.formId}
                version={record.formVersion}
                hideTitle
                form={lockForEditor(form, record.status, { policyRoles: user?.policyRoles ?? [], admin: !!user?.roles.includes('admin') })}
                formData={draft}
                onChange={setDraft}
                onSubmit={(d) => void save(d)}
                context={{ api }}
                idPrefix="edit"
                status={record.status}
                timeZone={policy.timeZone}
              >
                <Space>
                  <Button type="primary" htmlType="submit" size="large" loading={busy === 'save'}>
                    {t('staff.detail.save')}
                  </Button>
                  <Button size="large" onClick={() => setEditing(false)}>
                    {t('common.cancel')}
                  </Button>
                </Space>
              </PublishedRecordForm>
            ) : (
              <>
                {record.final && (
                  <Typography.Paragraph type="secondary" className="record-read-only">
                    {t('staff.detail.readOnly')}
                  </Typography.Paragraph>
                )}
                <RecordSectionsView
                  form={form}
                  status={record.status}
                  data={record.data}
                  timeZone={policy.timeZone}
                  links={linkTitles(links, (title) => title[locale] || title['zh-CN'])}
                />
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <LinkedRecordsCard links={links} />
          <RecordApprovals approvals={record.approvals ?? []} policy={policy} people={people} onChange={() => void load()} />
          <Card className="staff-card" title={<h3 className="card-heading">{t('staff.records.deadlines')}</h3>}>
            {record.deadlines.length > 0 ? (
              <DeadlineChips rows={record.deadlines} now={record.now} timeZone={policy.timeZone} />
            ) : (
              <Typography.Text type="secondary">{t('staff.detail.noDeadlines')}</Typography.Text>
            )}
          </Card>
          <RecordFinesCard fines={fines} policy={policy} people={people} onCorrected={() => void reloadHistory()} />
          <Card className="staff-card" title={<h3 className="card-heading">{t('staff.policyAnswer')}</h3>}>
            <PolicyAnswer
              evaluation={record.evaluation}
              recordId={record.id}
              form={form}
              idPrefix="record"
              approvals={record.approvals ?? []}
            />
          </Card>
          <Card className="staff-card" title={<h3 className="card-heading">{t('staff.detail.history')}</h3>}>
            <Timeline
              items={(history?.items ?? []).map((entry) => {
                const fields = entry.action === 'update' || entry.action === 'create' ? changedFields(entry.before, entry.after) : [];
                // The record's approvals' events (asked, decided, passed on) are in its history too.
                const approval = approvalEvent(entry, record.approvals ?? [], {
                  t,
                  text,
                  role: policy.role,
                  person: (actor) => actorName(people, actor, locale),
                });
                // Its fines' waivers and corrections (shown to managers and admins only), with who pays from its fines.
                const fine = fineEvent(entry, fines.ledger?.items ?? [], {
                  t,
                  text,
                  role: policy.role,
                  person: (actor) => actorName(people, actor, locale),
                  money: (amount) => formatMoney(amount, locale),
                });
                const event = approval ?? (fine === null ? null : { title: fine, namesActor: true });
                const when = formatDateTime(entry.at, locale, policy.timeZone);
                return {
                  key: entry.id,
                  children: (
                    <div>
                      <Typography.Text strong>
                        {event?.title ?? actionText(entry.action, t, policy.status, (key) => deadlineName(record.deadlines, key, text))}
                      </Typography.Text>
                      <br />
                      <Typography.Text type="secondary">
                        {event?.namesActor ? when : `${when} · ${actorName(people, entry.actor, locale)}`}
                      </Typography.Text>
                      {entry.action === 'update' && fields.length > 0 && (
                        <div className="history-fields">{t('staff.detail.changed', { fields: fields.map(fieldTitle).join(', ') })}</div>
                      )}
                    </div>
                  ),
                };
              })}
            />
            {history && (
              <LoadMore
                shown={history.items.length}
                total={history.total}
                atLeast={history.totalCapped}
                more={history.nextCursor !== null}
                loading={loadingHistory}
                onMore={() => void moreHistory()}
              />
            )}
          </Card>
          <Space wrap>
            <Link to={`/staff/records/${record.id}/print`} className="touch-link">
              {t('fieldwork.print.open')}
            </Link>
            <a href={api.links.pdfUrl(record.id, locale)} download className="touch-link">
              {t('records.pdf.download')}
            </a>
            <BackToList>{t('staff.detail.back')}</BackToList>
          </Space>
        </Col>
      </Row>
    </section>
  );
}

/** A deadline by what must be done ("到场"), never its key; the key's row is the record's own. */
function deadlineName(
  rows: { key: string; deadline: { what: LocalizedText } }[],
  key: string,
  text: (label: LocalizedText | undefined) => string,
): string {
  const own = key.split('/').pop()!;
  const row = rows.find((r) => r.key === key || r.key === own || r.key.split('/').pop() === own);
  return row ? text(row.deadline.what) : '';
}

function actionText(
  action: string,
  t: ReturnType<typeof useI18n>['t'],
  status: (id: string) => string,
  deadline: (key: string) => string,
): string {
  const byLink = /^status (\S*) -> (\S+) by link$/.exec(action);
  if (byLink) return t('records.links.movedByLink', { from: status(byLink[1]!) || '–', to: status(byLink[2]!) });
  const move = /^status (\S*) -> (\S+)$/.exec(action);
  if (move) return t('staff.history.moved', { from: status(move[1]!) || '–', to: status(move[2]!) });
  const breach = /^deadline (\S+) breached$/.exec(action);
  if (breach) return deadline(breach[1]!) ? t('staff.history.breached', { key: deadline(breach[1]!) }) : t('staff.history.breachedAny');
  if (action === 'create') return t('staff.history.created');
  if (action === 'update') return t('staff.history.updated');
  return action;
}
