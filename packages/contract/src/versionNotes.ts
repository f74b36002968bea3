import type { LocalizedText } from '@aftersales/engine';

// The notes the server gives the versions it publishes itself (a person's note is kept as written).

/** The note of the versions the first start publishes from the default policy pack. */
export const DEFAULT_PACK_NOTE = 'default policy pack';

const ROLLBACK = /^rollback to v(\d+)$/;

/** The note of a version published again by a rollback: the version it brings back. */
export function rollbackNote(version: number): string {
  return `rollback to v${version}`;
}

/** A version's note in words, in both languages: the server's own notes translated, a person's as written. */
export function versionNoteText(note: string | null | undefined): LocalizedText {
  if (!note) return { 'zh-CN': '', en: '' };
  if (note === DEFAULT_PACK_NOTE) return { 'zh-CN': '默认政策包', en: 'Default policy pack' };
  const rollback = ROLLBACK.exec(note);
  if (rollback) return { 'zh-CN': `回滚到第 ${rollback[1]} 版`, en: `Rollback to version ${rollback[1]}` };
  return { 'zh-CN': note, en: note };
}
