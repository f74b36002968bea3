import { describe, expect, it } from 'vitest';
import { englishShown, isUntranslated, withChinese, withEnglish } from './untranslated';

describe('untranslated names', () => {
  it('when an admin types only the Chinese name, then the English follows it and is shown as not translated', () => {
    let label = withChinese({ 'zh-CN': '', en: '' }, '来电时间');
    expect(label).toEqual({ 'zh-CN': '来电时间', en: '来电时间' });
    expect(isUntranslated(label)).toBe(true);
    expect(englishShown(label)).toBe('');
    label = withChinese(label, '来电时刻');
    expect(label.en).toBe('来电时刻');
  });

  it('when the English is typed, then it is kept; emptied, it falls back to the Chinese', () => {
    const label = withEnglish({ 'zh-CN': '来电时间', en: '来电时间' }, 'Call time');
    expect(isUntranslated(label)).toBe(false);
    expect(withChinese(label, '来电时刻')).toEqual({ 'zh-CN': '来电时刻', en: 'Call time' });
    expect(withEnglish(label, '')).toEqual({ 'zh-CN': '来电时间', en: '来电时间' });
    expect(isUntranslated({ 'zh-CN': 'VIP', en: 'VIP' })).toBe(false);
  });
});
