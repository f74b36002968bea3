import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { pickText } from '@aftersales/engine';
import { LARGEST_PAGE } from '@aftersales/contract';
import type { DeadlineRow, RecordBrief } from '../../api/workApi';
import { useApi } from '../../app/ApiContext';
import { useI18n } from '../../i18n/I18nContext';
import { CHIP_COLORS, chipLabel } from '../shared/DeadlineChips';
import { chipOf, lateMsOf } from '../shared/deadlineChip';
import { formatCount, formatDateTime, formatDuration, formatMoney } from '../../shared/format';
import { problemText } from '../../shared/problemText';
import { recordLabel } from '../shared/recordLabel';
import { usePeople } from '../../shared/people/usePeople';
import { useForms } from '../shared/useForms';
import { usePolicyText } from '../shared/usePolicyText';
import { LoadMore } from '../../shared/LoadMore';
import { CardTable } from '../../shared/list/CardTable';
import { useListPlace } from '../../shared/list/useListPlace';

/** How often the board asks the server again. */
export const REFRESH_MS = 15_000;
/** Late rows per page (the server's largest page is 500, LARGEST_PAGE). */
const PAGE = 100;

type Row = DeadlineRow & { record: RecordBrief };

/** Late work and work due soon, live from the server's clock: refreshed every 15 seconds. */
export function OverdueBoardPage() {
  const api = useApi();
  const people = usePeople(api);
  const { t, text, locale } = useI18n();
  const forms = useForms();
  const policy = usePolicyText();
  const [board, setBoard] = useState<{
    late: Row[];
    soon: Row[];
    now: string;
    total: number;
    totalCapped: boolean;
    nextCursor: string | null;
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  /** How many late rows are shown: a refresh asks for as many again (up to a page of 500). */
  const shown = useRef(PAGE);
  // Back from a record: as many late rows as were shown, and the row that was at the top of the window where it was.
  const list = useRef<HTMLElement>(null);
  const place = useListPlace(list, board?.late.length ?? 0, board !== null && forms !== null);

  const load = useCallback(async () => {
    const rows = place.rowsToLoad();
    if (rows !== undefined) shown.current = Math.max(PAGE, rows);
    try {
      // Open deadlines come soonest due first, so the first page holds those due soon.
      const [breached, open] = await Promise.all([
        api.work.deadlines('breached', { limit: Math.min(LARGEST_PAGE, shown.current) }),
        api.work.deadlines('open', { limit: LARGEST_PAGE }),
      ]);
      const now = open.now;
      const soon = open.items.filter((d) => ['overdue', 'dueSoon'].includes(chipOf(d, now)));
      setBoard({
        late: breached.items,
        soon,
        now,
        total: breached.total,
        totalCapped: breached.totalCapped,
        nextCursor: breached.nextCursor,
      });
      setError(null);
    } catch (e) {
      setError(problemText(e, t, locale));
    }
  }, [api, t, locale, place]);

  const more = async () => {
    if (!board?.nextCursor) return;
    setLoadingMore(true);
    try {
      const next = await api.work.deadlines('breached', { limit: PAGE, cursor: board.nextCursor });
      shown.current = board.late.length + next.items.length;
      setBoard({
        ...board,
        late: [...board.late, ...next.items],
        total: next.total,
        totalCapped: next.totalCapped,
        nextCursor: next.nextCursor,
      });
    } catch (e) {
      setError(problemText(e, t, locale));
    } finally {
      setLoadingMore(false);
    }
  };
  // Still late first; work done late (the clock stopped when it was met) after it.
  const done = (r: Row) => (r.deadline.metAt ? 1 : 0);
  const rows = board
    ? [...board.late, ...board.soon].sort((a, b) => done(a) - done(b) || (a.dueAt ?? '').localeCompare(b.dueAt ?? ''))
    : [];

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  const now = board?.now ?? new Date().toISOString();
  const columns: ColumnsType<Row> = [
    {
      title: t('staff.overdue.state'),
      key: 'state',
      render: (_, r) => {
        const chip = chipOf(r, now);
        return <Tag color={CHIP_COLORS[chip]}>{chipLabel(t, chip, r, now, locale)}</Tag>;
      },
    },
    { title: t('staff.overdue.what'), key: 'what', render: (_, r) => pickText(r.deadline.what, locale) },
    {
      title: t('staff.records.record'),
      key: 'record',
      render: (_, r) => (
        <Link to={`/staff/records/${r.recordId}`}>
          {text(forms?.byId[r.formId]?.title) || r.formId} · {recordLabel(forms?.byId[r.formId], r.record, locale, people)}
        </Link>
      ),
    },
    {
      title: t('staff.overdue.owner'),
      key: 'owner',
      render: (_, r) => (r.deadline.owner ? `${policy.role(r.deadline.owner.role)} ${r.deadline.owner.person ?? ''}`.trim() : '–'),
    },
    { title: t('staff.overdue.due'), key: 'due', render: (_, r) => formatDateTime(r.dueAt, locale, policy.timeZone) },
    {
      title: t('staff.overdue.late'),
      key: 'late',
      render: (_, r) =>
        lateMsOf(r, now) > 0
          ? formatDuration(lateMsOf(r, now), locale)
          : r.deadline.metAt
            ? t('staff.chip.met')
            : t('staff.overdue.leftIn', { time: formatDuration(Date.parse(r.dueAt ?? now) - Date.parse(now), locale) }),
    },
    {
      title: t('staff.overdue.fines'),
      key: 'fines',
      render: (_, r) => {
        const total = r.deadline.breachFines.reduce((sum, f) => sum + f.amount, 0);
        return total > 0 ? formatMoney(total, locale) : '–';
      },
    },
  ];

  return (
    <section aria-labelledby="overdue-title" className="staff-page" ref={list}>
      <Typography.Title id="overdue-title" level={2}>
        {t('staff.overdue.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" aria-live="polite">
        {board
          ? t('staff.overdue.asOf', {
              time: formatDateTime(board.now, locale, policy.timeZone),
              count: formatCount(board.total + board.soon.length, board.totalCapped, locale),
            })
          : ''}{' '}
        <Button size="small" onClick={() => void load()}>
          {t('staff.overdue.refresh')}
        </Button>
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" className="staff-alert" title={error} />}
      <Card className="staff-card">
        <CardTable<Row>
          rowKey={(r) => `${r.recordId}/${r.key}`}
          loading={board === null}
          dataSource={rows}
          columns={columns}
          scroll={{ x: 'max-content' }}
          // One way through the list: the rows loaded so far, and 加载更多 under them (no pages of pages).
          pagination={false}
          locale={{ emptyText: t('staff.overdue.none') }}
        />
        {board && (
          <LoadMore
            shown={rows.length}
            total={board.total + board.soon.length}
            atLeast={board.totalCapped}
            more={board.nextCursor !== null}
            loading={loadingMore}
            onMore={() => void more()}
          />
        )}
      </Card>
    </section>
  );
}
