import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { CalendarDay, CalendarFile } from '@aftersales/engine';
import { HistoryImpactPanel } from '../impact/HistoryImpactPanel';
import type { CalendarPreview, DeadlineShift } from '../../api/calendarsApi';
import { useApi } from '../../app/ApiContext';
import { useI18n } from '../../i18n/I18nContext';
import { DateInput } from '../../shared/dates/DateInput';
import { formatDateTime, formatDuration, STORE_ZONE } from '../../shared/format';
import { problemText } from '../../shared/problemText';
import { calendarDraftChanges, type DayChange, type HolidayRow } from './calendarDraftChanges';

const CHANGE_TAG = { added: 'calendars.dayAdded', removed: 'calendars.dayRemoved', changed: 'calendars.dayChanged' } as const;
const CHANGE_LEGEND = { added: 'calendars.legendAdded', removed: 'calendars.legendRemoved', changed: 'calendars.legendChanged' } as const;

/**
 * A store's working calendar: its holidays, edited as a draft (a day the draft adds, removes or
 * renames is tagged as such until it is published); before publishing, the preview of
 * which open deadlines the change would move, by how much, and which would now be overdue or no
 * longer (publishing then moves them in the background).
 */
export function CalendarPage() {
  const api = useApi();
  const { t, text, locale } = useI18n();
  const [ids, setIds] = useState<{ id: string; label: string }[]>([]);
  const [id, setId] = useState<string | null>(null);
  const [definition, setDefinition] = useState<CalendarFile | null>(null);
  const [published, setPublished] = useState<CalendarFile | null>(null);
  const [version, setVersion] = useState<number | null>(null);
  const [preview, setPreview] = useState<CalendarPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ type: 'success' | 'error' | 'info'; text: string } | null>(null);
  const [newDay, setNewDay] = useState({ date: '', zh: '', en: '' });

  useEffect(() => {
    void api.calendars.list().then((list) => {
      setIds(list.map((c) => ({ id: c.id, label: text(c.title) || c.id })));
      setId((current) => current ?? list[0]?.id ?? null);
    });
  }, [api, text]);

  const load = useCallback(
    async (calendarId: string) => {
      const detail = await api.calendars.get(calendarId);
      setDefinition(detail.draft?.definition ?? detail.published?.definition ?? null);
      setPublished(detail.published?.definition ?? null);
      setVersion(detail.published?.version ?? null);
      setPreview(null);
    },
    [api],
  );
  useEffect(() => {
    if (id) void load(id).catch((e: unknown) => setMessage({ type: 'error', text: problemText(e, t, locale) }));
  }, [id, load, t, locale]);

  const change = (next: CalendarFile) => {
    setDefinition(next);
    setPreview(null);
    setMessage(null);
  };
  // The draft (saved, or edited here) against what is in force: the days not in force yet are marked.
  const draft = useMemo(() => (definition ? calendarDraftChanges(definition, published) : null), [definition, published]);
  const changed = draft !== null && (draft.holidays.some((r) => r.change) || draft.elsewhere);
  const changeTag = (change: DayChange) => <Tag color="warning">{t(CHANGE_TAG[change])}</Tag>;

  const addHoliday = () => {
    if (!definition) return;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(newDay.date) || !newDay.zh.trim())
      return setMessage({ type: 'error', text: t('calendars.dateRequired') });
    if ((definition.holidays ?? []).some((h) => h.date === newDay.date))
      return setMessage({ type: 'error', text: t('calendars.dateTaken') });
    const day: CalendarDay = { date: newDay.date, name: { 'zh-CN': newDay.zh.trim(), en: newDay.en.trim() || newDay.zh.trim() } };
    change({ ...definition, holidays: [...(definition.holidays ?? []), day] });
    setNewDay({ date: '', zh: '', en: '' });
  };

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (e) {
      setMessage({ type: 'error', text: problemText(e, t, locale) });
    } finally {
      setBusy(false);
    }
  };
  const showPreview = () =>
    run(async () => {
      if (!id || !definition) return;
      await api.calendars.saveDraft(id, definition);
      setPreview(await api.calendars.preview(id, definition));
      setMessage(null);
    });
  const publish = () =>
    run(async () => {
      if (!id || !definition) return;
      await api.calendars.saveDraft(id, definition);
      const published = await api.calendars.publish(id);
      setMessage({ type: 'success', text: t('calendars.publishedNow', { version: published.version }) });
      await load(id);
    });

  const zone = preview?.timeZone ?? definition?.timeZone ?? STORE_ZONE;
  const impactDraft = useMemo(() => (id && definition ? { kind: 'calendar' as const, id, definition } : null), [id, definition]);
  const moveText = (s: DeadlineShift) =>
    s.deltaMs === null
      ? t('calendars.noDue')
      : s.deltaMs > 0
        ? t('calendars.later', { time: formatDuration(s.deltaMs, locale) })
        : t('calendars.earlier', { time: formatDuration(-s.deltaMs, locale) });

  return (
    <section aria-labelledby="calendars-title">
      <Typography.Title id="calendars-title" level={2}>
        {t('calendars.title')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        {ids.length > 1 && (
          <Select
            aria-label={t('calendars.pick')}
            value={id ?? undefined}
            onChange={setId}
            options={ids.map((c) => ({ value: c.id, label: c.label }))}
          />
        )}
        {definition && <Typography.Text strong>{text(definition.title)}</Typography.Text>}
        {version !== null && <Tag>{t('calendars.published', { version })}</Tag>}
        {changed && <Tag color="warning">{t('calendars.draft')}</Tag>}
      </Space>
      {message && (
        <Alert
          type={message.type}
          showIcon
          role={message.type === 'error' ? 'alert' : 'status'}
          title={message.text}
          style={{ marginBottom: 16 }}
        />
      )}
      {definition && (
        <Card title={<h3 className="card-heading">{t('calendars.holidays')}</h3>} style={{ marginBottom: 16 }}>
          <Space wrap style={{ marginBottom: 12 }}>
            <span className="inline-date">
              <span aria-hidden="true">{t('calendars.date')}</span>
              <DateInput
                kind="date"
                label={t('calendars.date')}
                value={newDay.date}
                onChange={(v) => setNewDay({ ...newDay, date: v ?? '' })}
              />
            </span>
            <Input
              aria-label={t('calendars.nameZh')}
              placeholder={t('calendars.nameZh')}
              value={newDay.zh}
              maxLength={100}
              onChange={(e) => setNewDay({ ...newDay, zh: e.target.value })}
              style={{ width: 160 }}
            />
            <Input
              aria-label={t('calendars.nameEn')}
              placeholder={t('calendars.nameEn')}
              value={newDay.en}
              maxLength={100}
              onChange={(e) => setNewDay({ ...newDay, en: e.target.value })}
              style={{ width: 160 }}
            />
            <Button onClick={addHoliday}>{t('calendars.add')}</Button>
          </Space>
          {draft && changed && (
            // Drawn as the draft's rows are: what looks like this is not in force yet.
            <div className="calendar-draft-notice" role="note">
              <strong>{t('calendars.draftNotice', { ...draft.counts })}</strong>
              <ul className="calendar-legend" aria-label={t('calendars.draft')}>
                {(['added', 'removed', 'changed'] as const).map((change) => (
                  <li key={change}>
                    {changeTag(change)}
                    {t(CHANGE_LEGEND[change])}
                  </li>
                ))}
              </ul>
              {draft.elsewhere && <div>{t('calendars.draftElsewhere')}</div>}
            </div>
          )}
          <Table<HolidayRow>
            rowKey={(r) => r.day.date}
            size="small"
            dataSource={draft?.holidays ?? []}
            rowClassName={(r) => (r.change ? `calendar-draft-day calendar-draft-${r.change}` : '')}
            pagination={{ pageSize: 8, hideOnSinglePage: true, showSizeChanger: false }}
            columns={[
              {
                title: t('calendars.date'),
                key: 'date',
                render: (_, r) => <span className="calendar-day-text calendar-day-date">{r.day.date}</span>,
              },
              {
                title: t('calendars.name'),
                key: 'name',
                render: (_, r) => (
                  <>
                    <span className="calendar-day-text">{text(r.day.name)}</span>
                    {r.change && <> {changeTag(r.change)}</>}
                    {r.was && (
                      <Typography.Text type="secondary" style={{ display: 'block' }}>
                        {t('calendars.was', { name: text(r.was.name) })}
                      </Typography.Text>
                    )}
                  </>
                ),
              },
              {
                title: '',
                key: 'remove',
                render: (_, r) =>
                  r.change === 'removed' ? (
                    <Button
                      size="small"
                      aria-label={`${t('calendars.restore')} ${r.day.date}`}
                      onClick={() => change({ ...definition, holidays: [...(definition.holidays ?? []), r.day] })}
                    >
                      {t('calendars.restore')}
                    </Button>
                  ) : (
                    <Button
                      size="small"
                      danger
                      aria-label={`${t('calendars.remove')} ${r.day.date}`}
                      onClick={() => change({ ...definition, holidays: (definition.holidays ?? []).filter((d) => d.date !== r.day.date) })}
                    >
                      {t('calendars.remove')}
                    </Button>
                  ),
              },
            ]}
          />
        </Card>
      )}
      {definition && (
        <Card title={<h3 className="card-heading">{t('calendars.impact')}</h3>}>
          <Space wrap style={{ marginBottom: 12 }}>
            <Button onClick={() => void showPreview()} loading={busy}>
              {t('calendars.preview')}
            </Button>
            <Button type="primary" disabled={preview === null} onClick={() => void publish()} loading={busy}>
              {t('calendars.publish')}
            </Button>
          </Space>
          {preview === null ? (
            <Typography.Paragraph type="secondary">{t('calendars.previewFirst')}</Typography.Paragraph>
          ) : (
            <>
              <Typography.Paragraph aria-live="polite">
                {preview.items.length === 0 ? t('calendars.none') : t('calendars.summary', { ...preview.counts })}
                {preview.items.length < preview.counts.moved && ` ${t('calendars.soonestShown', { shown: preview.items.length })}`}
              </Typography.Paragraph>
              <Table<DeadlineShift>
                rowKey={(s) => `${s.recordId}/${s.key}`}
                size="small"
                dataSource={preview.items}
                scroll={{ x: 'max-content' }}
                pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
                locale={{ emptyText: t('calendars.none') }}
                columns={[
                  {
                    title: t('calendars.record'),
                    key: 'record',
                    render: (_, s) => <Link to={`/staff/records/${s.recordId}`}>{text(s.title)}</Link>,
                  },
                  { title: t('calendars.what'), key: 'what', render: (_, s) => text(s.what) },
                  { title: t('calendars.from'), key: 'from', render: (_, s) => (s.from ? formatDateTime(s.from, locale, zone) : '–') },
                  { title: t('calendars.to'), key: 'to', render: (_, s) => (s.to ? formatDateTime(s.to, locale, zone) : '–') },
                  {
                    title: t('calendars.move'),
                    key: 'move',
                    render: (_, s) => (
                      <Space size={4} wrap>
                        {moveText(s)}
                        {s.breachedNow && <Tag color="#cf1322">{t('calendars.breachedNow')}</Tag>}
                        {s.saved && <Tag color="#237804">{t('calendars.savedTag')}</Tag>}
                      </Space>
                    ),
                  },
                ]}
              />
            </>
          )}
        </Card>
      )}
      {impactDraft && (
        <div style={{ marginTop: 16 }}>
          <HistoryImpactPanel draft={impactDraft} timeZone={zone} />
        </div>
      )}
    </section>
  );
}
