import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Input, Space } from 'antd';
import { useI18n } from '../../i18n/I18nContext';
import type { ChoiceOption } from './fieldModel';
import { move } from './fieldModel';
import { codeFromLabel } from '../shared/codeFromLabel';
import { englishShown, withChinese } from '../shared/untranslated';

/** The options of a choice field: stored value and its label in both languages. */
export function OptionsEditor({ options, onChange }: { options: ChoiceOption[]; onChange: (next: ChoiceOption[]) => void }) {
  const { t } = useI18n();
  const set = (i: number, patch: Partial<ChoiceOption>) => onChange(options.map((o, j) => (i === j ? { ...o, ...patch } : o)));
  const add = () => {
    let n = options.length + 1;
    while (options.some((o) => o.value === `option${n}`)) n++;
    onChange([...options, { value: `option${n}`, label: { 'zh-CN': `选项${n}`, en: `选项${n}` } }]);
  };
  /** A new Chinese name: the English follows while untranslated, and a made code follows the name (no code to type). */
  const rename = (i: number, zh: string) => {
    const option = options[i]!;
    const others = options.filter((_, j) => j !== i).map((o) => String(o.value));
    const automatic =
      /^option\d+$/.test(String(option.value)) || option.value === codeFromLabel(option.label['zh-CN'], 'camel', others, 'option');
    const label = withChinese(option.label, zh);
    set(i, automatic && zh.trim() ? { label, value: codeFromLabel(zh, 'camel', others, 'option') } : { label });
  };
  return (
    <div role="group" aria-label={t('fields.options')}>
      {options.map((option, i) => (
        <Space.Compact key={i} style={{ width: '100%', marginBottom: 6 }}>
          <Input
            aria-label={t('fields.optionLabelZh', { n: i + 1 })}
            placeholder={t('lang.zh')}
            value={option.label['zh-CN']}
            onChange={(e) => rename(i, e.target.value)}
          />
          <Input
            aria-label={t('fields.optionLabelEn', { n: i + 1 })}
            placeholder={t('words.untranslated')}
            value={englishShown(option.label)}
            onChange={(e) => set(i, { label: { ...option.label, en: e.target.value || option.label['zh-CN'] } })}
          />
          <Input
            style={{ width: 140, flex: 'none' }}
            title={t('words.codeHelp')}
            aria-label={t('fields.optionValue', { n: i + 1 })}
            value={String(option.value)}
            onChange={(e) => set(i, { value: e.target.value })}
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
