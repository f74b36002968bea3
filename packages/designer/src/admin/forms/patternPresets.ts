import type { LocalizedText } from '@aftersales/engine';
import type { TextField } from './fieldModel';

/** Ready-made formats of Chinese after-sales forms: the pattern and the message staff read when it does not fit. */
export const PATTERN_PRESETS = {
  mobile: {
    pattern: '^1[3-9]\\d{9}$',
    message: { 'zh-CN': '请填写 11 位手机号，如 13800138000', en: 'Enter an 11-digit mobile number, e.g. 13800138000' },
  },
  landline: {
    pattern: '^0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?$',
    message: { 'zh-CN': '请填写带区号的座机号，如 021-12345678', en: 'Enter a landline with its area code, e.g. 021-12345678' },
  },
  idCard: {
    pattern: '^[1-9]\\d{5}(19|20)\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx]$',
    message: { 'zh-CN': '请填写 18 位身份证号，最后一位可以是 X', en: 'Enter an 18-character ID card number; the last may be X' },
  },
  plate: {
    pattern: '^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂学警港澳]$',
    message: { 'zh-CN': '请填写车牌号，如 沪A12345 或新能源 沪AD12345', en: 'Enter a plate number, e.g. 沪A12345 or 沪AD12345' },
  },
  postcode: {
    pattern: '^\\d{6}$',
    message: { 'zh-CN': '请填写 6 位邮政编码', en: 'Enter a 6-digit postcode' },
  },
} as const satisfies Record<string, { pattern: string; message: LocalizedText }>;

export type PatternPreset = keyof typeof PATTERN_PRESETS;
export const PATTERN_PRESET_NAMES = Object.keys(PATTERN_PRESETS) as PatternPreset[];

/** Which preset a field's pattern is (undefined: none or the admin's own). */
export function presetOf(field: TextField): PatternPreset | undefined {
  return PATTERN_PRESET_NAMES.find((name) => PATTERN_PRESETS[name].pattern === field.pattern);
}

/** The field's own message for a pattern that does not fit (`x-errorMessage`). */
export function patternMessage(field: TextField): LocalizedText | undefined {
  const own = field.schemaRest['x-errorMessage'];
  return own && typeof own === 'object' ? (own as LocalizedText) : undefined;
}

/** The field with a preset's pattern and message (undefined: neither). */
export function withPreset(field: TextField, preset: PatternPreset | undefined): TextField {
  const next: TextField = { ...field, schemaRest: { ...field.schemaRest } };
  if (!preset) {
    delete next.pattern;
    delete next.schemaRest['x-errorMessage'];
    return next;
  }
  next.pattern = PATTERN_PRESETS[preset].pattern;
  next.schemaRest['x-errorMessage'] = { ...PATTERN_PRESETS[preset].message };
  if (next.maxLength === undefined || next.maxLength > 50) next.maxLength = 50;
  return next;
}

/** The field with the admin's own message (empty in both languages: none). */
export function withPatternMessage(field: TextField, message: LocalizedText): TextField {
  const next: TextField = { ...field, schemaRest: { ...field.schemaRest } };
  if (message['zh-CN'] || message.en) next.schemaRest['x-errorMessage'] = message;
  else delete next.schemaRest['x-errorMessage'];
  return next;
}
