import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Input, Space } from 'antd';
import { useI18n } from '../../i18n/I18nContext';
import type { ChoiceOption } from './fieldModel';
import { move } from './fieldModel';

/** The options of a choice field: stored value and its label in both languages. */
export function OptionsEditor({ options, onChange }: { options: ChoiceOption[]; onChange: (next: ChoiceOption[]) => void }) {
  const { t } = useI18n();
  const set = (i: number, patch: Partial<ChoiceOption>) => onChange(options.map((o, j) => (i === j ? { ...o, ...patch } : o)));
  const add = () => {
    let n = options.length + 1;
    while (options.some((o) => o.value === `option${n}`)) n++;
    onChange([...options, { value: `option${n}`, label: { 'zh-CN': `选项${n}`, en: `Option ${n}` } }]);
  };
  return (
    <div role="group" aria-label={t('fields.options')}>
      {options.map((option, i) => (
        <Space.Compact key={i} style={{ width: '100%', marginBottom: 6 }}>
          <Input
            style={{ width: '30%' }}
            aria-label={t('fields.optionValue', { n: i + 1 })}
            value={String(option.value)}
            onChange={(e) => set(i, { value: e.target.value })}
          />
          <Input
            aria-label={t('fields.optionLabelZh', { n: i + 1 })}
            placeholder={t('lang.zh')}
            value={option.label['zh-CN']}
            onChange={(e) => set(i, { label: { ...option.label, 'zh-CN': e.target.value } })}
          />
          <Input
            aria-label={t('fields.optionLabelEn', { n: i + 1 })}
            placeholder={t('lang.en')}
            value={option.label.en}
            onChange={(e) => set(i, { label: { ...option.label, en: e.target.value } })}
          />
          <Button
            icon={<ArrowUpOutlined />}
            disabled={i === 0}
            onClick={() => onChange(move(options, i, i - 1))}
            aria-label={t('fields.optionUp', { n: i + 1 })}
          />
          <Button
            icon={<ArrowDownOutlined />}
            disabled={i === options.length - 1}
            onClick={() => onChange(move(options, i, i + 1))}
            aria-label={t('fields.optionDown', { n: i + 1 })}
          />
          <Button
            danger
            icon={<DeleteOutlined />}
            disabled={options.length <= 1}
            onClick={() => onChange(options.filter((_, j) => j !== i))}
            aria-label={t('fields.optionRemove', { n: i + 1 })}
          />
        </Space.Compact>
      ))}
      <Button size="small" onClick={add}>
        {t('fields.addOption')}
      </Button>
    </div>
  );
}
