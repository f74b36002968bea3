import { englishStringTranslator, TranslatableString } from '@rjsf/utils';
import type { Locale } from '@aftersales/engine';

const ZH: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.ArrayItemTitle]: '第 %1 项',
  [TranslatableString.EmptyArray]: '还没有内容，用下方按钮添加。',
  [TranslatableString.YesLabel]: '是',
  [TranslatableString.NoLabel]: '否',
  [TranslatableString.CloseLabel]: '关闭',
  [TranslatableString.ErrorsLabel]: '错误',
  [TranslatableString.AddButton]: '添加',
  [TranslatableString.AddItemButton]: '添加一行',
  [TranslatableString.CopyButton]: '复制',
  [TranslatableString.MoveDownButton]: '下移',
  [TranslatableString.MoveUpButton]: '上移',
  [TranslatableString.RemoveButton]: '删除',
  [TranslatableString.NowLabel]: '现在',
  [TranslatableString.ClearLabel]: '清除',
  [TranslatableString.AriaDateLabel]: '选择日期',
  [TranslatableString.DecrementAriaLabel]: '减 1',
  [TranslatableString.IncrementAriaLabel]: '加 1',
  [TranslatableString.ClearButton]: '清空',
  [TranslatableString.OptionPrefix]: '选项 %1',
};

/** RJSF's own words (buttons, "Errors", ...) in the user's language. */
export function translateString(locale: Locale): (key: TranslatableString, params?: string[]) => string {
  if (locale === 'en') return englishStringTranslator;
  return (key, params) => {
    const template = ZH[key];
    return template ? template.replace(/%(\d)/g, (_, n: string) => params?.[Number(n) - 1] ?? '') : englishStringTranslator(key, params);
  };
}
