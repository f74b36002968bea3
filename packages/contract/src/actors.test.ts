import { describe, expect, it } from 'vitest';
import { actorText, apiKeyActor, CLOCK_ACTOR, RESERVED_USERNAMES, SYSTEM_ACTOR } from './actors.js';
import { DEFAULT_PACK_NOTE, rollbackNote, versionNoteText } from './versionNotes.js';

const names = new Map([['zhang', '客服小张']]);
const displayName = (username: string) => names.get(username);

describe('actors in words', () => {
  it('when the actor is a user, then it reads as their display name (the user name when unknown)', () => {
    expect(actorText('zhang', displayName)).toEqual({ 'zh-CN': '客服小张', en: '客服小张' });
    expect(actorText('li', displayName)).toEqual({ 'zh-CN': 'li', en: 'li' });
  });

  it('when the actor is an API key, then it reads as the key by its name, whatever the name holds', () => {
    expect(actorText(apiKeyActor('erp-sync'), displayName)).toEqual({ 'zh-CN': 'API 密钥“erp-sync”', en: 'API key “erp-sync”' });
    expect(actorText(apiKeyActor('a:b'), displayName).en).toBe('API key “a:b”');
  });

  it('when the actor is the server itself, then it reads as the system, and those names are reserved', () => {
    expect(actorText(CLOCK_ACTOR, displayName)).toEqual({ 'zh-CN': '系统（定时任务）', en: 'System (scheduled)' });
    expect(actorText(SYSTEM_ACTOR, displayName)).toEqual({ 'zh-CN': '系统', en: 'System' });
    expect(RESERVED_USERNAMES).toEqual([CLOCK_ACTOR, SYSTEM_ACTOR]);
  });
});

describe('version notes in words', () => {
  it('when the server noted a version itself, then the note reads in both languages', () => {
    expect(versionNoteText(DEFAULT_PACK_NOTE)).toEqual({ 'zh-CN': '默认政策包', en: 'Default policy pack' });
    expect(versionNoteText(rollbackNote(12))).toEqual({ 'zh-CN': '回滚到第 12 版', en: 'Rollback to version 12' });
  });

  it('when a person wrote the note, or there is none, then it reads as written', () => {
    expect(versionNoteText('T1 改为 5 小时')).toEqual({ 'zh-CN': 'T1 改为 5 小时', en: 'T1 改为 5 小时' });
    expect(versionNoteText(undefined)).toEqual({ 'zh-CN': '', en: '' });
    expect(versionNoteText(null)).toEqual({ 'zh-CN': '', en: '' });
  });
});
