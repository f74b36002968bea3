import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { LARGEST_PAGE } from '@aftersales/contract';
import { Alert, Button, Card, Descriptions, Empty, Input, List, Modal, Segmented, Space, Tag, Typography } from 'antd';
import { fieldAt, type FormDefinition } from '@aftersales/engine';
import type { ApprovalTask } from '../../api/workApi';
import { useApi } from '../../app/ApiContext';
import { useI18n } from '../../i18n/I18nContext';
import { CHIP_COLORS } from '../shared/DeadlineChips';
import { formatDateTime } from '../../shared/format';
import { valueText, type ValueField } from '../shared/valueText';
import { personName, usePeople } from '../../shared/people/usePeople';
import { actorName } from '../../shared/people/actorName';
import { problemText } from '../../shared/problemText';
import { recordLabel } from '../shared/recordLabel';
import { useForms } from '../shared/useForms';
import { usePolicyText } from '../shared/usePolicyText';
import { useFeedback } from '../../app/Feedback';
import { Loading } from '../../app/Loading';
import { LoadMore } from '../../shared/LoadMore';
import { pagesUpTo } from '../../shared/list/pagesUpTo';
import { useListPlace } from '../../shared/list/useListPlace';
import { useAuth } from '../../app/auth/AuthContext';
import { ApprovalChanges } from './ApprovalChanges';
import { WithdrawApproval } from './WithdrawApproval';
import { approvalSummary, lineNames } from './approvalSummary';

const STATES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
/** Approvals a page. */
const APPROVALS_PAGE = 100;
/** How many filled fields of the record an approval card shows. */
const SUMMARY_FIELDS = 6;

/** The approvals inbox: what waits for this person's policy roles; approve or reject with a comment, and the guarded move opens at once. */
export function ApprovalsPage() {
  const api = useApi();
  const { message } = useFeedback();
  const { t, text, locale } = useI18n();
  const forms = useForms();
  const policy = usePolicyText();
  const { hasRole } = useAuth();
  // The state shown in the address: going back to the inbox finds it again (pending: none).
  const [params, setParams] = useSearchParams();
  const state = STATES.find((s) => s === params.get('state')) ?? 'pending';
  const [items, setItems] = useState<ApprovalTask[] | null>(null);
  const [page, setPage] = useState<{ total: number; nextCursor: string | null; loading: boolean }>({
    total: 0,
    nextCursor: null,
    loading: false,
  });
  const people = usePeople(api);
  const [error, setError] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<{ task: ApprovalTask; decision: 'approve' | 'reject' } | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  // Back from a record: the approvals that were shown, and the one that was at the top of the window where it was.
  const list = useRef<HTMLElement>(null);
  const place = useListPlace(list, items?.length ?? 0, items !== null && !page.loading && forms !== null);

  /** A field value in words: an option's label, 是/否, a local time or date, yuan (never the stored code). */
  const readable = (field: ValueField | undefined, value: unknown): string =>
    valueText(field, value, {
      locale,
      timeZone: policy.timeZone,
      words: { yes: t('staff.yes'), no: t('staff.no'), photo: t('words.photo') },
      personName: (username) => personName(people, username),
    });

  /** A list's lines (parts, items): the first ones by name, else how many. */
  const lines = (form: FormDefinition | undefined, name: string, rows: unknown[]): string => {
    const properties = (form?.schema.properties ?? {}) as Record<string, { items?: Parameters<typeof lineNames>[0] }>;
    const names = lineNames(properties[name]?.items, rows);
    if (names.length === 0) return t('staff.approvals.lines', { count: rows.length });
    const named = names.join(locale === 'zh-CN' ? '、' : ', ');
    return t('staff.approvals.namedLines', {
      names: rows.length > names.length ? t('staff.approvals.moreLines', { names: named }) : named,
      count: rows.length,
    });
  };

  const load = useCallback(() => {
    setItems(null);
    const rows = place.rowsToLoad();
    (rows === undefined
      ? api.work.approvals(state, { limit: APPROVALS_PAGE })
      : pagesUpTo((limit, cursor) => api.work.approvals(state, { limit, ...(cursor ? { cursor } : {}) }), rows, {
          page: APPROVALS_PAGE,
          largest: LARGEST_PAGE,
        })
    )
      .then((r) => {
        setItems(r.items);
        setPage({ total: r.total, nextCursor: r.nextCursor, loading: false });
      })
      .catch((e: unknown) => {
        setItems([]);
        setError(problemText(e, t, locale));
      });
  }, [api, state, t, locale, place]);
  useEffect(load, [load]);

  /** The next page, after the last one shown. */
  const more = () => {
    if (!page.nextCursor) return;
    setPage((p) => ({ ...p, loading: true }));
    api.work
      .approvals(state, { limit: APPROVALS_PAGE, cursor: page.nextCursor })
      .then((r) => {
        setItems((shown) => [...(shown ?? []), ...r.items]);
        setPage({ total: r.total, nextCursor: r.nextCursor, loading: false });
      })
      .catch((e: unknown) => {
        setPage((p) => ({ ...p, loading: false }));
        setError(problemText(e, t, locale));
      });
  };

  const decide = async () => {
    if (!deciding) return;
    setBusy(true);
    try {
      await api.work.decide(deciding.task.id, deciding.decision, comment.trim());
      const form = forms?.byId[deciding.task.formId];
      const status = text(form?.statusFlow?.states.find((s) => s.id === deciding.task.before)?.label) || deciding.task.before;
      void message.success(
        deciding.decision === 'approve' ? t('staff.approvals.approvedNow', { status }) : t('staff.approvals.rejectedNow'),
      );
      setDeciding(null);
      setComment('');
      load();
    } catch (e) {
      setError(problemText(e, t, locale));
      setDeciding(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="approvals-title" className="staff-page" ref={list}>
      <Typography.Title id="approvals-title" level={2}>
        {t('staff.approvals.title')}
      </Typography.Title>
      <Segmented
        aria-label={t('staff.approvals.state')}
        value={state}
        onChange={(v) => setParams(v === 'pending' ? {} : { state: v }, { replace: true, preventScrollReset: true })}
        options={STATES.map((s) => ({ value: s, label: t(`staff.approvals.${s}`) }))}
        style={{ marginBottom: 16 }}
      />
      {error && <Alert type="error" showIcon role="alert" className="staff-alert" title={error} closable onClose={() => setError(null)} />}
      {items === null ? (
        <Loading />
      ) : items.length === 0 ? (
        <Empty description={t('staff.approvals.none')} />
      ) : (
        <List
          aria-label={t('staff.approvals.title')}
          dataSource={items}
          renderItem={(task) => {
            const form = forms?.byId[task.formId];
            const filled = approvalSummary(form, task.record?.data ?? {}, SUMMARY_FIELDS);
            const before = text(form?.statusFlow?.states.find((s) => s.id === task.before)?.label) || task.before;
            return (
              <List.Item data-row-key={task.id}>
                <Card
                  className="staff-card approval-card"
                  style={{ width: '100%' }}
                  title={
                    <Space wrap>
                      <Link to={`/staff/records/${task.recordId}`}>
                        {text(form?.title) || task.formId} ·{' '}
                        {task.record ? recordLabel(form, task.record, locale, people) : t('staff.records.record')}
                      </Link>
                      <Tag
                        color={
                          task.state === 'pending'
                            ? CHIP_COLORS.dueSoon
                            : task.state === 'approved'
                              ? CHIP_COLORS.met
                              : task.state === 'withdrawn'
                                ? CHIP_COLORS.onTime
                                : CHIP_COLORS.overdue
                        }
                      >
                        {t(`staff.approvals.${task.state}`)}
                      </Tag>
                    </Space>
                  }
                >
                  <Typography.Paragraph strong>{text(task.reason)}</Typography.Paragraph>
                  {task.state === 'pending' && !task.stillAsked && (
                    <Typography.Paragraph type="secondary">{t('staff.approvals.noLongerAsked')}</Typography.Paragraph>
                  )}
                  <ApprovalChanges changes={task.changes} />
                  <Typography.Paragraph type="secondary">
                    {t('staff.approvals.needs', { role: policy.role(task.approver), status: before })} ·{' '}
                    {formatDateTime(task.createdAt, locale, policy.timeZone)}
                  </Typography.Paragraph>
                  {filled.length > 0 && (
                    <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
                      {filled.map(([name, value]) => (
                        <Descriptions.Item key={name} label={(form && text(fieldAt(form.schema, name)?.label)) || name}>
                          {Array.isArray(value)
                            ? lines(form, name, value)
                            : readable((form?.schema.properties as Record<string, ValueField> | undefined)?.[name], value)}
                        </Descriptions.Item>
                      ))}
                    </Descriptions>
                  )}
                  {task.state === 'pending' ? (
                    <Space wrap className="approval-actions">
                      <Button type="primary" size="large" onClick={() => setDeciding({ task, decision: 'approve' })}>
                        {t('staff.approvals.approve')}
                      </Button>
                      <Button danger size="large" onClick={() => setDeciding({ task, decision: 'reject' })}>
                        {t('staff.approvals.reject')}
                      </Button>
                      {!task.stillAsked && hasRole('admin', 'manager') && <WithdrawApproval id={task.id} onDone={load} />}
                    </Space>
                  ) : (
                    <Typography.Text type="secondary">
                      {t('staff.approvals.decidedBy', {
                        who: actorName(people, task.decidedBy, locale),
                        time: formatDateTime(task.decidedAt, locale, policy.timeZone),
                      })}
                      {task.comment ? ` · ${task.comment}` : ''}
                    </Typography.Text>
                  )}
                </Card>
              </List.Item>
            );
          }}
        />
      )}
      {items !== null && (
        <LoadMore shown={items.length} total={page.total} more={page.nextCursor !== null} loading={page.loading} onMore={more} />
      )}
      <Modal
        open={deciding !== null}
        title={deciding?.decision === 'approve' ? t('staff.approvals.approve') : t('staff.approvals.reject')}
        okText={deciding?.decision === 'approve' ? t('staff.approvals.approve') : t('staff.approvals.reject')}
        okButtonProps={{ danger: deciding?.decision === 'reject', disabled: deciding?.decision === 'reject' && !comment.trim() }}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => void decide()}
        onCancel={() => setDeciding(null)}
      >
        <label htmlFor="decision-comment">
          {deciding?.decision === 'reject' ? t('staff.approvals.commentRequired') : t('staff.approvals.comment')}
        </label>
        <Input.TextArea id="decision-comment" rows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
      </Modal>
    </section>
  );
}
