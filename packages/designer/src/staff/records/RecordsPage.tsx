import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { LARGEST_PAGE } from '@aftersales/contract';
import { Alert, Card, Input, Segmented, Select, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { RecordListItem, RecordQuery } from '../../api/workApi';
import { useApi } from '../../app/ApiContext';
import { useAuth } from '../../app/auth/AuthContext';
import { useI18n } from '../../i18n/I18nContext';
import { DeadlineChips } from '../shared/DeadlineChips';
import { DateInput } from '../../shared/dates/DateInput';
import { formatDateTime } from '../../shared/format';
import { LoadMore } from '../../shared/LoadMore';
import { CardTable } from '../../shared/list/CardTable';
import { pagesUpTo } from '../../shared/list/pagesUpTo';
import { useListPlace } from '../../shared/list/useListPlace';
import { problemText } from '../../shared/problemText';
import { recordLabel } from '../shared/recordLabel';
import { useForms } from '../shared/useForms';
import { usePolicyText } from '../shared/usePolicyText';
import { dateFields } from './dateFields';
import { FROM_LIST } from './BackToList';
import { usePeople } from '../../shared/people/usePeople';
import { actorName } from '../../shared/people/actorName';
import { useStoreNames } from '../../shared/useStoreNames';

const PAGE = 50;
const DEADLINE_STATES = ['open', 'met', 'breached'] as const;

/** My records and my stores' records: filters in the address (shareable), deadline chips at the server's time. */
export function RecordsPage() {
  const api = useApi();
  const { user } = useAuth();
  const { t, text, locale } = useI18n();
  const forms = useForms();
  const [params, setParams] = useSearchParams();
  // An admin has no records of their own to speak of: the list opens on every record (the others, on theirs).
  const defaultScope = user?.roles.includes('admin') ? 'store' : 'mine';
  const asked = params.get('scope');
  const scope = asked === 'store' || asked === 'mine' ? asked : defaultScope;
  const form = params.get('form') ?? undefined;
  const policy = usePolicyText(form ? forms?.byId[form] : undefined);
  const [page, setPage] = useState<{
    items: RecordListItem[];
    total: number;
    totalCapped: boolean;
    nextCursor: string | null;
    now: string;
    loading: boolean;
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [person, setPerson] = useState(params.get('person') ?? '');
  const [search, setSearch] = useState(params.get('q') ?? '');
  const people = usePeople(api);
  // More than one store in sight (an admin, a manager of several): each row says its store, and the list filters by one.
  const storeNames = useStoreNames();
  const manyStores = (storeNames.stores?.length ?? 0) > 1;
  // Back from a record: the rows loaded and the row at the top of the window as they were (a fresh visit: the first page, the top).
  const list = useRef<HTMLElement>(null);
  const place = useListPlace(list, page?.items.length ?? 0, page !== null && !page.loading && forms !== null);

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'form') {
      next.delete('status');
      next.delete('dateField');
    }
    // A new list: its first page, where the filters are (the window is not sent to the top).
    setParams(next, { replace: true, preventScrollReset: true });
  };

  // Dates of the address: a day that does not exist (typed into the address) is left out, and a
  // range that ends before it starts is said, not asked for.
  const from = localDate(params.get('from'));
  const to = localDate(params.get('to'));
  const reversed = from !== undefined && to !== undefined && to < from;

  // The filters of the address as the list's query (pages follow with the cursor of the page before).
  const query = useCallback((): RecordQuery => {
    const deadline = params.get('deadline');
    return {
      limit: PAGE,
      ...(scope === 'mine' ? { mine: true } : {}),
      ...(form ? { form } : {}),
      ...(scope === 'store' && params.get('store') ? { store: params.get('store')! } : {}),
      ...(params.get('status') ? { status: params.get('status')! } : {}),
      ...(deadline && (DEADLINE_STATES as readonly string[]).includes(deadline) ? { deadline: deadline as RecordQuery['deadline'] } : {}),
      // Local dates: the server reads them in the store's time zone.
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(form && params.get('dateField') ? { dateField: params.get('dateField')! } : {}),
      ...(scope === 'store' && params.get('person') ? { person: params.get('person')! } : {}),
      ...(params.get('q') ? { q: params.get('q')! } : {}),
    };
  }, [params, scope, form, from, to]);

  useEffect(() => {
    let live = true;
    if (reversed) {
      setPage({ items: [], total: 0, totalCapped: false, nextCursor: null, now: new Date().toISOString(), loading: false });
      return;
    }
    setPage(null);
    const rows = place.rowsToLoad();
    (rows === undefined
      ? api.work.records(query())
      : pagesUpTo((limit, cursor) => api.work.records({ ...query(), limit, ...(cursor ? { cursor } : {}) }), rows, {
          page: PAGE,
          largest: LARGEST_PAGE,
        })
    )
      .then((p) => live && (setPage({ ...p, loading: false }), setError(null)))
      .catch(
        (e: unknown) =>
          live &&
          (setError(problemText(e, t, locale)),
          setPage({ items: [], total: 0, totalCapped: false, nextCursor: null, now: new Date().toISOString(), loading: false })),
      );
    return () => {
      live = false;
    };
  }, [api, query, t, locale, reversed, place]);

  /** The next page, added under the rows shown. */
  const more = () => {
    if (!page?.nextCursor || page.loading) return;
    const cursor = page.nextCursor;
    setPage({ ...page, loading: true });
    api.work
      .records({ ...query(), cursor })
      .then((p) => setPage((shown) => (shown ? { ...p, items: [...shown.items, ...p.items], loading: false } : shown)))
      .catch((e: unknown) => {
        setError(problemText(e, t, locale));
        setPage((shown) => (shown ? { ...shown, loading: false } : shown));
      });
  };

  const statusOptions = form ? (forms?.byId[form]?.statusFlow?.states ?? []).map((s) => ({ value: s.id, label: text(s.label) })) : [];
  const columns: ColumnsType<RecordListItem> = [
    {
      title: t('staff.records.record'),
      key: 'label',
      render: (_, r) => (
        <Link to={`/staff/records/${r.id}`} state={FROM_LIST}>
          {recordLabel(forms?.byId[r.formId], r, locale, people)}
        </Link>
      ),
    },
    { title: t('staff.records.form'), key: 'form', render: (_, r) => text(forms?.byId[r.formId]?.title) || r.formId },
    ...(manyStores
      ? [
          {
            title: t('staff.records.storeColumn'),
            key: 'store',
            render: (_: unknown, r: RecordListItem) => (r.store ? storeNames.nameOf(r.store) : '—'),
          },
        ]
      : []),
    {
      title: t('staff.records.status'),
      key: 'status',
      render: (_, r) =>
        r.status ? <Tag>{text(forms?.byId[r.formId]?.statusFlow?.states.find((s) => s.id === r.status)?.label) || r.status}</Tag> : null,
    },
    {
      title: t('staff.records.deadlines'),
      key: 'deadlines',
      render: (_, r) => <DeadlineChips rows={r.deadlines} now={page?.now ?? r.updatedAt} timeZone={policy.timeZone} />,
    },
    {
      title: t('staff.records.created'),
      key: 'created',
      render: (_, r) => (
        <span>
          {formatDateTime(r.createdAt, locale, policy.timeZone)}
          <br />
          <Typography.Text type="secondary">{actorName(people, r.createdBy, locale)}</Typography.Text>
        </span>
      ),
    },
  ];

  return (
    <section aria-labelledby="records-title" className="staff-page" ref={list}>
      <Typography.Title id="records-title" level={2}>
        {t('staff.records.title')}
      </Typography.Title>
      <Card className="staff-card">
        <div className="filters" role="search" aria-label={t('staff.records.filters')}>
          <Segmented
            aria-label={t('staff.records.scope')}
            value={scope}
            onChange={(v) => set('scope', v === defaultScope ? undefined : String(v))}
            options={[
              { value: 'mine', label: t('staff.records.mine') },
              { value: 'store', label: (user?.stores?.length ?? 0) > 0 ? t('staff.records.store') : t('staff.records.all') },
            ]}
          />
          {scope === 'store' && manyStores && (
            <Select
              aria-label={t('staff.records.storeColumn')}
              placeholder={t('staff.records.anyStore')}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={params.get('store') ?? undefined}
              onChange={(v: string | undefined) => set('store', v)}
              options={(storeNames.stores ?? []).map((id) => ({ value: id, label: storeNames.nameOf(id) }))}
              style={{ minWidth: 160 }}
            />
          )}
          <Select
            aria-label={t('staff.records.form')}
            placeholder={t('staff.records.anyForm')}
            allowClear
            value={form}
            onChange={(v: string | undefined) => set('form', v)}
            options={(forms?.list ?? []).map((f) => ({ value: f.id, label: text(f.title) }))}
            style={{ minWidth: 180 }}
          />
          {form && (
            <Select
              aria-label={t('staff.records.status')}
              placeholder={t('staff.records.anyStatus')}
              allowClear
              value={params.get('status') ?? undefined}
              onChange={(v: string | undefined) => set('status', v)}
              options={statusOptions}
              style={{ minWidth: 140 }}
            />
          )}
          <Select
            aria-label={t('staff.records.deadline')}
            placeholder={t('staff.records.anyDeadline')}
            allowClear
            value={params.get('deadline') ?? undefined}
            onChange={(v: string | undefined) => set('deadline', v)}
            options={DEADLINE_STATES.map((s) => ({ value: s, label: t(`staff.deadlineState.${s}`) }))}
            style={{ minWidth: 140 }}
          />
          {form && (
            <Select
              aria-label={t('staff.records.dateField')}
              value={params.get('dateField') ?? ''}
              onChange={(v: string) => set('dateField', v || undefined)}
              options={[
                { value: '', label: `${t('staff.records.dateField')}: ${t('staff.records.dateField.created')}` },
                ...dateFields(forms?.byId[form]).map((f) => ({
                  value: f.path,
                  label: `${t('staff.records.dateField')}: ${text(f.label) || f.path}`,
                })),
              ]}
              style={{ minWidth: 160 }}
            />
          )}
          <div className="filter-date">
            <span aria-hidden="true">{t('staff.records.from')}</span>
            <DateInput kind="date" label={t('staff.records.from')} value={from ?? ''} onChange={(v) => set('from', v)} />
          </div>
          <div className="filter-date">
            <span aria-hidden="true">{t('staff.records.to')}</span>
            <DateInput kind="date" label={t('staff.records.to')} value={to ?? ''} onChange={(v) => set('to', v)} />
          </div>
          <Input.Search
            aria-label={t('staff.records.search')}
            placeholder={t('staff.records.search')}
            title={t('staff.records.searchHint')}
            enterButton={t('staff.records.find')}
            maxLength={100}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(v) => set('q', v.trim() || undefined)}
            style={{ maxWidth: 320 }}
          />
          {scope === 'store' && (
            <Input.Search
              aria-label={t('staff.records.person')}
              placeholder={t('staff.records.person')}
              enterButton={t('staff.records.find')}
              value={person}
              onChange={(e) => setPerson(e.target.value)}
              onSearch={(v) => set('person', v.trim() || undefined)}
              style={{ maxWidth: 200 }}
            />
          )}
        </div>
        {error && <Alert type="error" showIcon role="alert" title={error} className="staff-alert" />}
        {reversed && <Alert type="warning" showIcon role="alert" title={t('staff.records.datesReversed')} className="staff-alert" />}
        <CardTable<RecordListItem>
          rowKey="id"
          loading={page === null}
          dataSource={page?.items ?? []}
          columns={columns}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('staff.records.none') }}
          pagination={false}
        />
        {page && (
          <LoadMore
            shown={page.items.length}
            total={page.total}
            atLeast={page.totalCapped}
            more={page.nextCursor !== null}
            loading={page.loading}
            onMore={more}
          />
        )}
      </Card>
    </section>
  );
}

/** A day written YYYY-MM-DD that exists (2026-02-30 does not), else undefined. */
function localDate(text: string | null): string | undefined {
  if (text === null || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(text) ? text : undefined;
}
