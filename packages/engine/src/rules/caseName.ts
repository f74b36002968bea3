import type { LocalizedText } from '../i18n/LocalizedText.js';
import type { CaseName } from './RuleSetFile.js';

/** A saved test case's name in both languages: a plain string (an older file's) reads the same in each. */
export function caseName(name: CaseName): LocalizedText {
  return typeof name === 'string' ? { 'zh-CN': name, en: name } : name;
}
