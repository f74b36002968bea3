import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { LARGEST_PAGE } from '@aftersales/contract';
import { Alert, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { FineEntry, LedgerLine } from '../../api/workApi';
import { finesExportUrl } from '../../api/workApi';
import { useApi } from '../../app/ApiContext';
import { useFeedback } from '../../app/Feedback';
import { useI18n } from '../../i18n/I18nContext';
import { usePeople } from '../../shared/people/usePeople';
import { DateInput } from '../../shared/dates/DateInput';
import { dateText } from '../../shared/dates/dateFormats';
import { formatDateTime, formatMoney } from '../../shared/format';
import { LoadMore } from '../../shared/LoadMore';
import { CardLabel, CardTable } from '../../shared/list/CardTable';
import { pagesUpTo } from '../../shared/list/pagesUpTo';
import { useListPlace } from '../../shared/list/useListPlace';
import { problemText } from '../../shared/problemText';
import { usePolicyText } from '../shared/usePolicyText';
import { FineCorrectionDialog } from './FineCorrectionDialog';
import { FineCorrectionNote } from './FineCorrectionNote';
import { fineCorrections } from './fineCorrections';

type Ledger = Awaited<ReturnType<ReturnType<typeof useApi>['work']['fines']>>;

/** Fines a page. */
const FINES_PAGE = 100;

/** This month in China time, YYYY-MM. */
function thisMonth(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
}

/** A cell kept on one line (a date, a name, an amount): the ledger's long texts wrap instead. */
const nowrap = () => ({ style: { whiteSpace: 'nowrap' as const } });

/** The fines ledger: per person and month with totals, every fine with its reason, CSV and Excel export of what is shown. */
export function FinesLedgerPage() {
  const api = useApi();
  const people = usePeople(api);
  const { t, text, locale } = useI18n();
  const { message } = useFeedback();
  const policy = usePolicyText();
  // The filters in the address (as the records list's): going back to the ledger finds them again.
  // No month in it: this month; an empty one: every month.
  const [params, setParams] = useSearchParams();
  const asked = params.get('month');
  const month = asked === '' || (asked !== null && /^\d{4}-\d{2}$/.test(asked)) ? asked : thisMonth();
  const applied = params.get('person') ?? '';
  const [person, setPerson] = useState(applied);
  const [ledger, setLedger] = useState<Ledger | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [correcting, setCorrecting] = useState<FineEntry | null>(null);
  const [reloads, setReloads] = useState(0);
  // Back from a record: the fines that were shown, and the row that was at the top of the window where it was.
  const list = useRef<HTMLElement>(null);
  const place = useListPlace(list, ledger?.items.length ?? 0, ledger !== null && !loadingMore);

  const set = (key: 'month' | 'person', value: string) => {
    const next = new URLSearchParams(params);
    if (key === 'month' ? value === thisMonth() : value === '') next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true, preventScrollReset: true });
  };
  const filter = { ...(month ? { month } : {}), ...(applied ? { person: applied } : {}) };

  useEffect(() => {
    let live = true;
    setLedger(null);
    const filter = { ...(month ? { month } : {}), ...(applied ? { person: applied } : {}) };
    const rows = place.rowsToLoad();
    (rows === undefined
      ? api.work.fines({ ...filter, limit: FINES_PAGE })
      : pagesUpTo((limit, cursor) => api.work.fines({ ...filter, limit, ...(cursor ? { cursor } : {}) }), rows, {
          page: FINES_PAGE,
          largest: LARGEST_PAGE,
        })
    )
      .then((l) => live && (setLedger(l), setError(null)))
      .catch(
        (e: unknown) =>
          live &&
          (setLedger({ items: [], total: 0, summary: [], count: 0, countCapped: false, nextCursor: null }),
          setError(problemText(e, t, locale))),
      );
    return () => {
      live = false;
    };
  }, [api, month, applied, t, locale, reloads, place]);

  /** The next page of fines, added under those shown (the totals above cover every fine already). */
  const more = () => {
    if (!ledger?.nextCursor || loadingMore) return;
    setLoadingMore(true);
    api.work
      .fines({ ...filter, limit: FINES_PAGE, cursor: ledger.nextCursor })
      .then((l) => setLedger((shown) => (shown ? { ...l, items: [...shown.items, ...l.items] } : shown)))
      .catch((e: unknown) => setError(problemText(e, t, locale)))
      .finally(() => setLoadingMore(false));
  };

  // Fines reversed in what is shown: their rows say so, and cannot be reversed again.
  const reversed = fineCorrections(ledger?.items ?? []);
  const query = { ...filter, lang: locale };
  return (
    <section aria-labelledby="fines-title" className="staff-page" ref={list}>
      <Typography.Title id="fines-title" level={2}>
        {t('staff.fines.title')}
      </Typography.Title>
      <div className="filters" role="search" aria-label={t('staff.records.filters')}>
        <div className="filter-date">
          <span aria-hidden="true">{t('staff.fines.month')}</span>
          <DateInput kind="month" label={t('staff.fines.month')} value={month} onChange={(v) => set('month', v ?? '')} />
        </div>
        <Input.Search
          aria-label={t('staff.records.person')}
          placeholder={t('staff.records.person')}
          enterButton={t('staff.records.find')}
          // The server takes a name of at most 200 characters: the box holds no more.
          maxLength={200}
          value={person}
          onChange={(e) => setPerson(e.target.value)}
          onSearch={(v) => set('person', v.trim())}
          style={{ maxWidth: 220 }}
        />
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={finesExportUrl('csv', query)} download>
            {t('staff.fines.csv')}
          </Button>
          <Button icon={<DownloadOutlined />} href={finesExportUrl('xlsx', query)} download>
            {t('staff.fines.xlsx')}
          </Button>
        </Space>
      </div>
      {error && <Alert type="error" showIcon role="alert" className="staff-alert" title={error} />}
      <Card className="staff-card" title={<h3 className="card-heading">{t('staff.fines.perPerson')}</h3>}>
        <CardTable<LedgerLine>
          rowKey={(l) => `${l.month}/${l.person}/${l.payerRole}`}
          loading={ledger === null}
          dataSource={ledger?.summary ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: ledger === null ? ' ' : t('staff.fines.none') }}
          columns={[
            // The month as the month box reads it (2025年10月, Oct 2025), not its code.
            { title: t('staff.fines.month'), key: 'month', render: (_, l) => dateText(l.month, 'month', locale) || l.month },
            { title: t('staff.fines.person'), key: 'person', render: (_, l) => l.personName || l.person || t('staff.fines.unnamed') },
            { title: t('staff.fines.role'), key: 'role', render: (_, l) => policy.role(l.payerRole) },
            { title: t('staff.fines.count'), dataIndex: 'count', align: 'right' },
            { title: t('staff.fines.total'), key: 'total', align: 'right', render: (_, l) => formatMoney(l.total, locale) },
          ]}
          summary={() =>
            ledger && ledger.summary.length > 0 ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={3}>
                  <strong>{t('staff.fines.grandTotal')}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  <CardLabel>{t('staff.fines.count')}</CardLabel>
                  {ledger.summary.reduce((n, l) => n + l.count, 0)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  <CardLabel>{t('staff.fines.total')}</CardLabel>
                  <strong>{formatMoney(ledger.total, locale)}</strong>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
        />
      </Card>
      <Card className="staff-card" title={<h3 className="card-heading">{t('staff.fines.entries')}</h3>}>
        <CardTable<FineEntry>
          rowKey="id"
          loading={ledger === null}
          dataSource={ledger?.items ?? []}
          // The page's width (at least 960 px, narrower: it scrolls): the reason and the record's title wrap, the short columns do not.
          scroll={{ x: 960 }}
          pagination={false}
          locale={{ emptyText: ledger === null ? ' ' : t('staff.fines.none') }}
          columns={[
            {
              title: t('staff.fines.date'),
              key: 'at',
              onCell: nowrap,
              render: (_, f) => formatDateTime(f.postedAt, locale, policy.timeZone),
            },
            {
              title: t('staff.fines.person'),
              key: 'person',
              onCell: nowrap,
              render: (_, f) => f.personName ?? f.person ?? t('staff.fines.unnamed'),
            },
            { title: t('staff.fines.role'), key: 'role', onCell: nowrap, render: (_, f) => policy.role(f.payerRole) },
            {
              title: t('staff.fines.amount'),
              key: 'amount',
              onCell: nowrap,
              align: 'right',
              render: (_, f) => formatMoney(f.amount, locale),
            },
            {
              title: t('staff.fines.reason'),
              key: 'reason',
              render: (_, f) => (
                <>
                  {text(f.reason)}
                  <FineCorrectionNote fine={f} people={people} />
                </>
              ),
            },
            {
              title: t('staff.fines.origin'),
              key: 'origin',
              onCell: nowrap,
              render: (_, f) => (
                <>
                  {t(`staff.fines.origin.${f.origin}`)}
                  {reversed.has(f.id) && <Tag style={{ marginInlineStart: 8 }}>{t('staff.fines.reversedTag')}</Tag>}
                </>
              ),
            },
            {
              title: t('staff.fines.actions'),
              key: 'correct',
              onCell: nowrap,
              render: (_, f) =>
                f.origin === 'reversal' || reversed.has(f.id) ? null : (
                  <Button size="small" onClick={() => setCorrecting(f)}>
                    {t('staff.fines.correct')}
                  </Button>
                ),
            },
            {
              title: t('staff.records.record'),
              key: 'record',
              render: (_, f) => (
                <Link to={`/staff/records/${f.recordId}`}>{text(f.recordTitle ?? undefined) || t('staff.records.record')}</Link>
              ),
            },
          ]}
        />
        {ledger && (
          <LoadMore
            shown={ledger.items.length}
            total={ledger.count}
            atLeast={ledger.countCapped}
            more={ledger.nextCursor !== null}
            loading={loadingMore}
            onMore={more}
          />
        )}
      </Card>
      {correcting && (
        <FineCorrectionDialog
          fine={correcting}
          onClose={() => setCorrecting(null)}
          onSaved={() => {
            setCorrecting(null);
            void message.success(t('staff.fines.corrected'));
            setReloads((n) => n + 1);
          }}
        />
      )}
    </section>
  );
}
