import { DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, Empty, Input, Space, Typography } from 'antd';
import type { LocalizedText, TopLevelCondition } from '@aftersales/engine';
import { useI18n } from '../../i18n/I18nContext';
import { LocalizedInput } from '../shared/LocalizedInput';
import { codeFromLabel } from '../shared/codeFromLabel';
import { codeAfterRename } from '../shared/followsLabel';
import { ConditionBuilder } from './ConditionBuilder';
import type { FactOption } from './factOptions';

const CODE = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * Named conditions of the rule set that rules reuse ("shared condition holds"), each in the builder.
 * A shared condition is named in words (`conditionTitles`, the English name optional); its code,
 * made from the name (pinyin), is shown and edited only under "advanced".
 */
export function SharedConditionsEditor({
  conditions,
  titles,
  facts,
  onChange,
  onRename,
}: {
  conditions: Record<string, TopLevelCondition>;
  titles: Record<string, LocalizedText>;
  facts: FactOption[];
  onChange: (next: Record<string, TopLevelCondition>, titles: Record<string, LocalizedText>) => void;
  /** A condition's code changed (the rule set renames every use of it), with its title. */
  onRename: (from: string, to: string, title: LocalizedText) => void;
}) {
  const { t } = useI18n();
  const entries = Object.entries(conditions);
  const names = entries.map(([k]) => k);
  const titleOf = (name: string, index: number): LocalizedText => {
    const own = Object.hasOwn(titles, name) ? titles[name] : undefined;
    if (own) return own;
    const words = t('shared.untitled', { n: index + 1 });
    return { 'zh-CN': words, en: words };
  };
  /** A new name: a code that followed the old name follows the new one (its uses follow it too). */
  const renamed = (from: string, to: string, title: LocalizedText) => {
    if (from === to) onChange(conditions, { ...titles, [from]: title });
    else onRename(from, to, title);
  };
  const add = () => {
    let n = entries.length + 1;
    while (Object.values(titles).some((x) => x['zh-CN'] === `共享条件${n}`)) n++;
    // Named in Chinese only (the English name falls back to it); the code comes from the name.
    const zh = `共享条件${n}`;
    const name = codeFromLabel(zh, 'camel', names, 'condition');
    onChange({ ...conditions, [name]: { all: [] } }, { ...titles, [name]: { 'zh-CN': zh, en: zh } });
  };
  return (
    <Card size="small" title={t('shared.title')} extra={<Button onClick={add}>{t('shared.add')}</Button>}>
      <Typography.Paragraph type="secondary">{t('shared.explain')}</Typography.Paragraph>
      {entries.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('shared.none')} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {entries.map(([name, condition], index) => {
          const title = titleOf(name, index);
          const words = title['zh-CN'];
          return (
            <Card
              key={index}
              size="small"
              type="inner"
              title={
                <div style={{ maxWidth: 480 }}>
                  <LocalizedInput
                    label={t('shared.labelOf', { n: index + 1 })}
                    value={title}
                    onChange={(next) => renamed(name, codeAfterRename(name, words, next['zh-CN'], 'camel', names, 'condition'), next)}
                  />
                </div>
              }
              extra={
                <Button
                  danger
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('shared.remove', { name: words })}
                  onClick={() =>
                    onChange(
                      Object.fromEntries(entries.filter(([k]) => k !== name)),
                      Object.fromEntries(Object.entries(titles).filter(([k]) => k !== name)),
                    )
                  }
                />
              }
            >
              <ConditionBuilder
                label={t('shared.conditionOf', { name: words })}
                value={condition}
                onChange={(next) => onChange({ ...conditions, [name]: next }, titles)}
                facts={facts}
                sharedConditions={names.filter((k) => k !== name)}
              />
              <Collapse
                size="small"
                ghost
                defaultActiveKey={CODE.test(name) ? [] : ['advanced']}
                items={[
                  {
                    key: 'advanced',
                    label: t('words.advanced'),
                    children: (
                      <Input
                        key={name}
                        aria-label={t('shared.codeOf', { n: index + 1 })}
                        defaultValue={name}
                        style={{ width: 240 }}
                        onBlur={(e) => {
                          const next = e.target.value.trim();
                          if (next && next !== name && !(next in conditions) && CODE.test(next)) renamed(name, next, title);
                        }}
                      />
                    ),
                  },
                ]}
              />
            </Card>
          );
        })}
      </Space>
    </Card>
  );
}
