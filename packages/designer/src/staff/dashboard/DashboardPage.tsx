import { useEffect, useMemo, useState } from 'react';
import { Alert, Card, Col, Row, Segmented, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { fieldAt, type FormDefinition } from '@aftersales/engine';
import { useApi } from '../../app/ApiContext';
import { useI18n } from '../../i18n/I18nContext';
import { problemText } from '../../shared/problemText';
import { useForms } from '../shared/useForms';
import { EChart } from '../../shared/EChart';
import { personName, usePeople } from '../../shared/people/usePeople';
import { dateText, dayText } from '../../shared/dates/dateFormats';
import { chartDescription, type ChartPart } from '../../shared/chartDescription';
import { formatMoney } from '../../shared/format';

/** What the dashboards read from the default pack's forms (F1 zone and technician, F3 category and severity, F4's four ratings). */
const SERVICE_FORM = 'after-sales-record';
const COMPLAINTS = { form: 'complaint-log', field: 'category', by: 'severity' };
const VISITS = { form: 'return-visit', items: ['ratings.attitude', 'ratings.skill', 'ratings.arrivalOnTime', 'ratings.promiseKept'] };

type Compliance = Awaited<ReturnType<ReturnType<typeof useApi>['work']['compliance']>>;
type Counts = Awaited<ReturnType<ReturnType<typeof useApi>['work']['counts']>>;

/** A chart's drawing, and what it says to a screen reader. */
interface Chart {
  option: EChartsCoreOption;
  description: string;
}

interface Figures {
  zone: Compliance;
  technician: Compliance;
  fines: Awaited<ReturnType<ReturnType<typeof useApi>['work']['finesPerMonth']>>;
  complaints: Counts;
  visits: Counts[];
}

/** The managers' dashboards: deadline compliance per week by zone and technician, fines per month, complaints, return-visit satisfaction. */
export function DashboardPage() {
  const api = useApi();
  const { t, text, locale } = useI18n();
  const forms = useForms();
  // The technician chart names each technician as people read him (王师傅), not by his user name.
  const people = usePeople(api);
  const [weeks, setWeeks] = useState(8);
  const [figures, setFigures] = useState<Figures | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([
      api.work.compliance('zone', weeks),
      api.work.compliance('technician', weeks),
      api.work.finesPerMonth(6),
      api.work.counts(COMPLAINTS.form, COMPLAINTS.field, COMPLAINTS.by),
      Promise.all(VISITS.items.map((field) => api.work.counts(VISITS.form, field))),
    ])
      .then(([zone, technician, fines, complaints, visits]) => live && setFigures({ zone, technician, fines, complaints, visits }))
      .catch((e: unknown) => live && setError(problemText(e, t, locale)));
    return () => {
      live = false;
    };
  }, [api, weeks, t, locale]);

  const charts = useMemo(() => {
    if (!figures || !forms || !people) return null;
    /** The label of a field's option in the person's language (the value itself when the form has no such option). */
    const optionLabel = (form: FormDefinition | undefined, field: string, value: string) =>
      (form && text(fieldAt(form.schema, field)?.enumTitles?.[value])) || value || t('staff.dashboard.blank');
    const fieldLabel = (form: FormDefinition | undefined, field: string) => (form && text(fieldAt(form.schema, field)?.label)) || field;
    /** What a chart says to a screen reader: its title, then each part's values by label. */
    const describe = (title: string, parts: ChartPart[]) => chartDescription(title, parts, locale, (count) => t('chart.more', { count }));
    const count = (n: number) => n.toLocaleString(locale);
    const service = forms.byId[SERVICE_FORM];
    const compliance = (data: Compliance, field: string, title: string): Chart => {
      // Each week by its Monday, in words (10月19日), never the ISO date the server counts by.
      const weekNames = data.weeks.map((w) => dayText(w, locale));
      const series = data.series.map((s) => ({
        name: field === 'zone' ? optionLabel(service, 'zone', s.group) : personName(people, s.group) || t('staff.dashboard.blank'),
        rate: s.rate,
      }));
      return {
        option: {
          tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}%` : '–') },
          legend: { type: 'scroll', bottom: 0 },
          grid: { left: 40, right: 16, top: 16, bottom: 48 },
          xAxis: { type: 'category', data: weekNames },
          yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
          series: series.map((s) => ({ type: 'line', name: s.name, data: s.rate, connectNulls: true })),
        },
        description: describe(
          title,
          series.map((s) => ({
            name: s.name,
            values: s.rate.map((rate, i) => ({ label: weekNames[i]!, value: rate === null ? t('staff.dashboard.noneDue') : `${rate}%` })),
          })),
        ),
      };
    };
    const months = figures.fines.months.map((m) => dateText(m, 'month', locale));
    const complaintsForm = forms.byId[COMPLAINTS.form];
    const categories = Object.keys(figures.complaints.counts);
    const severities = [...new Set(categories.flatMap((c) => Object.keys(figures.complaints.counts[c]!)))];
    const visitsForm = forms.byId[VISITS.form];
    const levels = ['verySatisfied', 'satisfied', 'fair', 'unsatisfied', ''].filter((level) => figures.visits.some((v) => v.counts[level]));
    const visitItems = VISITS.items.map((f) => fieldLabel(visitsForm, f));
    return {
      zone: compliance(figures.zone, 'zone', t('staff.dashboard.byZone')),
      technician: compliance(figures.technician, 'technician', t('staff.dashboard.byTechnician')),
      fines: {
        option: {
          tooltip: { trigger: 'axis' },
          legend: { bottom: 0 },
          grid: { left: 56, right: 40, top: 16, bottom: 48 },
          xAxis: { type: 'category', data: months },
          yAxis: [
            { type: 'value', name: t('staff.dashboard.yuan') },
            { type: 'value', name: t('staff.dashboard.count'), minInterval: 1 },
          ],
          series: [
            {
              type: 'bar',
              name: t('staff.fines.total'),
              data: figures.fines.total,
              tooltip: { valueFormatter: (v: unknown) => (typeof v === 'number' ? formatMoney(v, locale) : '–') },
            },
            { type: 'line', name: t('staff.fines.count'), yAxisIndex: 1, data: figures.fines.count },
          ],
        },
        description: describe(
          t('staff.dashboard.fines'),
          months.map((month, i) => ({
            name: month,
            values: [
              { label: t('staff.fines.total'), value: formatMoney(figures.fines.total[i]!, locale) },
              { label: t('staff.fines.count'), value: count(figures.fines.count[i]!) },
            ],
          })),
        ),
      },
      complaints: {
        option: {
          tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
          legend: { bottom: 0 },
          grid: { left: 40, right: 16, top: 16, bottom: 48 },
          xAxis: { type: 'category', data: categories.map((c) => optionLabel(complaintsForm, COMPLAINTS.field, c)) },
          yAxis: { type: 'value', minInterval: 1 },
          series: severities.map((s) => ({
            type: 'bar',
            stack: 'severity',
            name: optionLabel(complaintsForm, COMPLAINTS.by, s),
            data: categories.map((c) => figures.complaints.counts[c]![s] ?? 0),
          })),
        },
        description: describe(
          t('staff.dashboard.complaints'),
          categories.map((c) => ({
            name: optionLabel(complaintsForm, COMPLAINTS.field, c),
            values: severities.map((s) => ({
              label: optionLabel(complaintsForm, COMPLAINTS.by, s),
              value: count(figures.complaints.counts[c]![s] ?? 0),
            })),
          })),
        ),
      },
      visits: {
        option: {
          tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
          legend: { bottom: 0 },
          grid: { left: 96, right: 16, top: 16, bottom: 48 },
          yAxis: { type: 'category', data: visitItems },
          xAxis: { type: 'value', minInterval: 1 },
          series: levels.map((level) => ({
            type: 'bar',
            stack: 'rating',
            name: optionLabel(visitsForm, VISITS.items[0]!, level),
            data: figures.visits.map((v) => v.counts[level]?.[''] ?? 0),
          })),
        },
        description: describe(
          t('staff.dashboard.visits'),
          visitItems.map((item, i) => ({
            name: item,
            values: levels.map((level) => ({
              label: optionLabel(visitsForm, VISITS.items[0]!, level),
              value: count(figures.visits[i]!.counts[level]?.[''] ?? 0),
            })),
          })),
        ),
      },
    } satisfies Record<string, Chart>;
  }, [figures, forms, people, t, text, locale]);

  const card = (title: string, chart: Chart | undefined, empty: boolean) => (
    <Card className="staff-card" title={<h3 className="card-heading">{title}</h3>}>
      {empty || !chart ? (
        <Typography.Text type="secondary">{t('staff.dashboard.noData')}</Typography.Text>
      ) : (
        <EChart option={chart.option} description={chart.description} />
      )}
    </Card>
  );

  return (
    <section aria-labelledby="dashboard-title" className="staff-page">
      <Typography.Title id="dashboard-title" level={2}>
        {t('staff.dashboard.title')}
      </Typography.Title>
      <Segmented
        aria-label={t('staff.dashboard.period')}
        value={weeks}
        onChange={(v) => setWeeks(Number(v))}
        options={[4, 8, 12, 26].map((w) => ({ value: w, label: t('staff.dashboard.weeks', { weeks: w }) }))}
        style={{ marginBottom: 16 }}
      />
      {error && <Alert type="error" showIcon role="alert" className="staff-alert" title={error} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          {card(t('staff.dashboard.byZone'), charts?.zone, !figures?.zone.series.length)}
        </Col>
        <Col xs={24} xl={12}>
          {card(t('staff.dashboard.byTechnician'), charts?.technician, !figures?.technician.series.length)}
        </Col>
        <Col xs={24} xl={12}>
          {card(t('staff.dashboard.fines'), charts?.fines, false)}
        </Col>
        <Col xs={24} xl={12}>
          {card(t('staff.dashboard.complaints'), charts?.complaints, !figures?.complaints.total)}
        </Col>
        <Col xs={24}>{card(t('staff.dashboard.visits'), charts?.visits, !figures?.visits.some((v) => v.total > 0))}</Col>
      </Row>
    </section>
  );
}
