import type { LocalizedText } from '@aftersales/engine';
import { hasChinese } from './codeFromLabel';

/**
 * The English name is optional: left empty it falls back to the Chinese one. Files keep both
 * languages (the pack's format), so an untranslated name is stored as the Chinese text in both;
 * the designer shows its English box empty and marked "not translated".
 */
export function isUntranslated(text: LocalizedText | undefined): boolean {
  if (!text) return false;
  return !text.en || (text.en === text['zh-CN'] && hasChinese(text.en));
}

/** What the English box shows: empty while untranslated. */
export function englishShown(text: LocalizedText | undefined): string {
  return !text || isUntranslated(text) ? '' : text.en;
}

/** A new Chinese text: an untranslated English follows it. */
export function withChinese(text: LocalizedText | undefined, zh: string): LocalizedText {
  const current = text ?? { 'zh-CN': '', en: '' };
  return { 'zh-CN': zh, en: isUntranslated(current) ? zh : current.en };
}

/** A new English text: emptied, it falls back to the Chinese. */
export function withEnglish(text: LocalizedText | undefined, en: string): LocalizedText {
  const current = text ?? { 'zh-CN': '', en: '' };
  return { 'zh-CN': current['zh-CN'], en: en || current['zh-CN'] };
}
