import type { ErrorObject } from 'ajv';
import localizeEnModule from 'ajv-i18n/localize/en/index.js';
import localizeZhModule from 'ajv-i18n/localize/zh/index.js';
import { interopDefault } from './interopDefault.js';
import type { LocalizedText } from '../i18n/LocalizedText.js';

/** An ajv error with its message in both languages and the pointer of the field it is about. */
const localizeEn = interopDefault(localizeEnModule);
const localizeZh = interopDefault(localizeZhModule);

export interface LocalizedAjvError {
  /** JSON pointer of the offending value; for `required`, of the missing property. */
  pointer: string;
  keyword: string;
  params: Record<string, unknown>;
  message: LocalizedText;
}

export function localizeAjvErrors(errors: readonly ErrorObject[] | null | undefined): LocalizedAjvError[] {
  if (!errors) return [];
  const zh = errors.map((e) => ({ ...e }));
  const en = errors.map((e) => ({ ...e }));
  localizeZh(zh);
  localizeEn(en);
  return errors.map((error, i) => ({
    pointer: pointerOf(error),
    keyword: error.keyword,
    params: error.params as Record<string, unknown>,
    message: { 'zh-CN': zh[i]?.message ?? '', en: en[i]?.message ?? '' },
  }));
}

function pointerOf(error: ErrorObject): string {
  const missing = (error.params as { missingProperty?: string }).missingProperty;
  if (error.keyword === 'required' && typeof missing === 'string') {
    return `${error.instancePath}/${missing.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  }
  return error.instancePath;
}
