import { DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Space, Typography } from 'antd';
import type { TopLevelCondition } from '@aftersales/engine';
import { useI18n } from '../../i18n/I18nContext';
import { ConditionBuilder } from './ConditionBuilder';
import type { FactOption } from './factOptions';

/** Named conditions of the rule set that rules reuse ("shared condition holds"), each in the builder. */
export function SharedConditionsEditor({
  conditions,
  facts,
  onChange,
}: {
  conditions: Record<string, TopLevelCondition>;
  facts: FactOption[];
  onChange: (next: Record<string, TopLevelCondition>) => void;
}) {
  const { t } = useI18n();
  const entries = Object.entries(conditions);
  const rename = (from: string, to: string) => onChange(Object.fromEntries(entries.map(([k, v]) => [k === from ? to : k, v])));
  const add = () => {
    let n = entries.length + 1;
    while (`condition${n}` in conditions) n++;
    onChange({ ...conditions, [`condition${n}`]: { all: [] } });
  };
  return (
    <Card size="small" title={t('shared.title')} extra={<Button onClick={add}>{t('shared.add')}</Button>}>
      <Typography.Paragraph type="secondary">{t('shared.explain')}</Typography.Paragraph>
      {entries.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('shared.none')} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {entries.map(([name, condition]) => (
          <Card
            key={name}
            size="small"
            type="inner"
            title={
              <Input
                aria-label={t('shared.nameOf', { name })}
                defaultValue={name}
                style={{ width: 220 }}
                onBlur={(e) => {
                  const next = e.target.value.trim();
                  if (next && next !== name && !(next in conditions)) rename(name, next);
                }}
              />
            }
            extra={
              <Button
                danger
                type="text"
                icon={<DeleteOutlined />}
                aria-label={t('shared.remove', { name })}
                onClick={() => onChange(Object.fromEntries(entries.filter(([k]) => k !== name)))}
              />
            }
          >
            <ConditionBuilder
              label={t('shared.conditionOf', { name })}
              value={condition}
              onChange={(next) => onChange({ ...conditions, [name]: next })}
              facts={facts}
              sharedConditions={Object.keys(conditions).filter((k) => k !== name)}
            />
          </Card>
        ))}
      </Space>
    </Card>
  );
}
