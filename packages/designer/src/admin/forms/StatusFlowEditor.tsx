import { ArrowRightOutlined, DeleteOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Button, Card, Checkbox, Input, Radio, Select, Space, Switch, Table, Typography } from 'antd';
import type { StatusFlow, StatusState, StatusTransition } from '@aftersales/engine';
import { useI18n } from '../../i18n/I18nContext';
import { LocalizedInput } from '../shared/LocalizedInput';
import { codeFromLabel } from '../shared/codeFromLabel';
import { codeAfterRename } from '../shared/followsLabel';

const CAMEL = /^[a-z][A-Za-z0-9]*$/;

/** The record states of a form, which is first, which are final, and the moves between them. */
export function StatusFlowEditor({
  flow,
  onChange,
  timeFields = [],
}: {
  flow: StatusFlow | undefined;
  onChange: (next: StatusFlow | undefined) => void;
  /** The form's top-level date-time fields a move may stamp with the time it is made (a one-tap step). */
  timeFields?: { value: string; label: string }[];
}) {
  const { t, text } = useI18n();
  // A state's code is made from its name (pinyin); it is shown, and edited, only under "advanced".
  const [showCodes, setShowCodes] = useState(false);
  if (!flow)
    return (
      <Card>
        <Typography.Paragraph>{t('flow.none')}</Typography.Paragraph>
        <Button
          type="primary"
          onClick={() =>
            onChange({
              initial: 'open',
              states: [
                { id: 'open', label: { 'zh-CN': '处理中', en: 'Open' } },
                { id: 'closed', label: { 'zh-CN': '已结案', en: 'Closed' }, final: true },
              ],
              transitions: [{ from: 'open', to: 'closed' }],
            })
          }
        >
          {t('flow.create')}
        </Button>
      </Card>
    );
  const setState = (i: number, patch: Partial<StatusState>) => {
    const old = flow.states[i]!;
    const states = flow.states.map((s, j) => (j === i ? { ...s, ...patch } : s));
    const renamed = patch.id !== undefined && patch.id !== old.id;
    onChange({
      ...flow,
      states,
      initial: renamed && flow.initial === old.id ? patch.id! : flow.initial,
      transitions: renamed
        ? flow.transitions.map((tr) => ({
            ...tr,
            from: tr.from === old.id ? patch.id! : tr.from,
            to: tr.to === old.id ? patch.id! : tr.to,
          }))
        : flow.transitions,
    });
  };
  const setTransition = (i: number, patch: Partial<StatusTransition>) =>
    onChange({ ...flow, transitions: flow.transitions.map((tr, j) => (j === i ? { ...tr, ...patch } : tr)) });
  const stateOptions = flow.states.map((s) => ({ value: s.id, label: text(s.label) || s.id }));
  const ids = flow.states.map((s) => s.id);
  const addState = () => {
    let n = flow.states.length + 1;
    while (flow.states.some((s) => s.label['zh-CN'] === `状态${n}`)) n++;
    // Named in Chinese only (the English name falls back to it, marked untranslated); the code comes from the name.
    const zh = `状态${n}`;
    onChange({ ...flow, states: [...flow.states, { id: codeFromLabel(zh, 'camel', ids, 'state'), label: { 'zh-CN': zh, en: zh } }] });
  };
  const rename = (s: StatusState, label: StatusState['label']) =>
    setState(flow.states.indexOf(s), {
      label,
      id: codeAfterRename(s.id, s.label['zh-CN'], label['zh-CN'], 'camel', ids, 'state'),
    });
  const invalidCode = flow.states.some((s) => !CAMEL.test(s.id) || ids.filter((id) => id === s.id).length > 1);

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card size="small" title={t('flow.states')}>
        <Table<StatusState & { index: number }>
          size="small"
          pagination={false}
          rowKey="index"
          dataSource={flow.states.map((s, index) => ({ ...s, index }))}
          columns={[
            {
              title: t('flow.initial'),
              width: 70,
              render: (_, s) => (
                <Radio
                  checked={flow.initial === s.id}
                  onChange={() => onChange({ ...flow, initial: s.id })}
                  aria-label={t('flow.initialOf', { state: text(s.label) || s.id })}
                />
              ),
            },
            {
              title: t('flow.stateLabel'),
              render: (_, s) => (
                <LocalizedInput
                  label={t('flow.stateLabelOf', { n: s.index + 1 })}
                  value={s.label}
                  onChange={(label) => rename(flow.states[s.index]!, label)}
                />
              ),
            },
            ...(showCodes || invalidCode
              ? [
                  {
                    title: t('flow.stateId'),
                    width: 160,
                    render: (_: unknown, s: StatusState & { index: number }) => (
                      <Input
                        value={s.id}
                        status={CAMEL.test(s.id) ? '' : 'error'}
                        aria-label={t('flow.stateIdOf', { n: s.index + 1 })}
                        onChange={(e) => setState(s.index, { id: e.target.value })}
                      />
                    ),
                  },
                ]
              : []),
            {
              title: t('flow.final'),
              width: 70,
              render: (_, s) => (
                <Checkbox
                  checked={!!s.final}
                  aria-label={t('flow.finalOf', { state: text(s.label) || s.id })}
                  onChange={(e) => {
                    const next = { ...s } as StatusState & { index?: number };
                    delete next.index;
                    if (e.target.checked) next.final = true;
                    else delete next.final;
                    onChange({ ...flow, states: flow.states.map((x, j) => (j === s.index ? next : x)) });
                  }}
                />
              ),
            },
            {
              title: '',
              width: 50,
              render: (_, s) => (
                <Button
                  danger
                  type="text"
                  icon={<DeleteOutlined />}
                  disabled={flow.states.length <= 1}
                  aria-label={t('flow.removeState', { state: text(s.label) || s.id })}
                  onClick={() =>
                    onChange({
                      ...flow,
                      states: flow.states.filter((_, j) => j !== s.index),
                      transitions: flow.transitions.filter((tr) => tr.from !== s.id && tr.to !== s.id),
                      initial: flow.initial === s.id ? (flow.states.find((x) => x.id !== s.id)?.id ?? '') : flow.initial,
                    })
                  }
                />
              ),
            },
          ]}
        />
        <Space wrap style={{ marginTop: 8 }}>
          <Button onClick={addState}>{t('flow.addState')}</Button>
          <label className="advanced-switch">
            <Switch size="small" checked={showCodes || invalidCode} disabled={invalidCode} onChange={setShowCodes} /> {t('flow.showCodes')}
          </label>
        </Space>
      </Card>
      <Card size="small" title={t('flow.transitions')}>
        {flow.transitions.map((tr, i) => (
          <Space key={i} wrap style={{ marginBottom: 8 }}>
            <Select
              style={{ width: 160 }}
              value={tr.from}
              options={stateOptions}
              onChange={(from: string) => setTransition(i, { from })}
              aria-label={t('flow.fromOf', { n: i + 1 })}
            />
            <ArrowRightOutlined aria-hidden />
            <Select
              style={{ width: 160 }}
              value={tr.to}
              options={stateOptions}
              onChange={(to: string) => setTransition(i, { to })}
              aria-label={t('flow.toOf', { n: i + 1 })}
            />
            {timeFields.length > 0 && (
              <Select
                style={{ width: 200 }}
                allowClear
                placeholder={t('flow.noStamp')}
                value={tr.stamp}
                options={timeFields.map((f) => ({ value: f.value, label: t('flow.stampField', { field: f.label }) }))}
                onChange={(stamp: string | undefined) => {
                  const next = { ...tr };
                  if (stamp) next.stamp = stamp;
                  else delete next.stamp;
                  onChange({ ...flow, transitions: flow.transitions.map((x, j) => (j === i ? next : x)) });
                }}
                aria-label={t('flow.stampOf', { n: i + 1 })}
              />
            )}
            <Button
              danger
              type="text"
              icon={<DeleteOutlined />}
              aria-label={t('flow.removeTransition', { n: i + 1 })}
              onClick={() => onChange({ ...flow, transitions: flow.transitions.filter((_, j) => j !== i) })}
            />
          </Space>
        ))}
        <div>
          <Button
            onClick={() => {
              const from = flow.states.find((s) => !s.final)?.id ?? flow.initial;
              const to = flow.states.find((s) => s.id !== from)?.id ?? from;
              onChange({ ...flow, transitions: [...flow.transitions, { from, to }] });
            }}
          >
            {t('flow.addTransition')}
          </Button>
        </div>
      </Card>
      <Card size="small" title={t('flow.overview')}>
        <ul aria-label={t('flow.overview')}>
          {flow.states.map((s) => (
            <li key={s.id}>
              <strong>{text(s.label) || s.id}</strong>
              {flow.initial === s.id && ` (${t('flow.initial')})`}
              {s.final && ` (${t('flow.final')})`}
              {' → '}
              {flow.transitions
                .filter((tr) => tr.from === s.id)
                .map((tr) => text(flow.states.find((x) => x.id === tr.to)?.label) || tr.to)
                .join(', ') || '—'}
            </li>
          ))}
        </ul>
      </Card>
    </Space>
  );
}
