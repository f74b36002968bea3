import { describe, expect, it } from 'vitest';
import { compileRecordSchema } from '@aftersales/engine';
import { newField, writeField } from './fieldModel';
import { PATTERN_PRESETS, presetOf, withPreset } from './patternPresets';

const matches = (pattern: string, value: string) => new RegExp(pattern, 'u').test(value);

describe('pattern presets', () => {
  it('when a preset is applied, then its pattern accepts the real numbers and refuses the wrong ones', () => {
    const cases: [keyof typeof PATTERN_PRESETS, string[], string[]][] = [
      ['mobile', ['13800138000', '19912345678'], ['12800138000', '1380013800', '138001380001']],
      ['landline', ['021-12345678', '0755-1234567', '01012345678'], ['12345678', '021-123']],
      ['idCard', ['11010519491231002X', '110105194912310021'], ['11010519491231002', '110105194913310021']],
      ['plate', ['沪A12345', '沪AD12345', '粤BD1234F'], ['A12345', '沪I12345', '沪A1234']],
      ['postcode', ['200000'], ['20000', '2000000', 'ABCDEF']],
    ];
    for (const [preset, good, bad] of cases) {
      for (const value of good) expect(matches(PATTERN_PRESETS[preset].pattern, value), `${preset} ${value}`).toBe(true);
      for (const value of bad) expect(matches(PATTERN_PRESETS[preset].pattern, value), `${preset} ${value}`).toBe(false);
    }
  });

  it('when a field gets a preset, then its schema has the pattern and the message in both languages and still compiles', () => {
    const field = newField('phone', [], { 'zh-CN': '手机', en: 'Mobile' });
    const withMobile = withPreset(field, 'mobile');
    expect(presetOf(withMobile)).toBe('mobile');
    const { schema } = writeField(withMobile);
    expect(schema.pattern).toBe(PATTERN_PRESETS.mobile.pattern);
    expect(schema['x-errorMessage']).toEqual(PATTERN_PRESETS.mobile.message);
    const compiled = compileRecordSchema({ type: 'object', properties: { phone: schema } }, { strict: true });
    expect(compiled.ok).toBe(true);
    expect(writeField(withPreset(withMobile, undefined)).schema).not.toHaveProperty('x-errorMessage');
  });
});
