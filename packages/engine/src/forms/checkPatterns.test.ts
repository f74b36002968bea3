import { describe, expect, it } from 'vitest';
import { loadPack } from '../pack/loadPack.js';
import { samplePackFiles, sampleForm } from '../testing/samplePack.js';
import type { RecordSchema } from './FormDefinition.js';
import { compileRecordSchema } from '../validation/compileRecordSchema.js';

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

function formWith(edit: (schema: Record<string, any>) => void) {
  const form = structuredClone(sampleForm);
  edit(form.schema as RecordSchema & Record<string, any>);
  return form;
}

describe('checkForm: regular expressions of a record schema', () => {
  it('when patterns use lookaround, backreferences or an over-long repeat, then each is refused at its keyword or key, in both languages', () => {
    const form = formWith((schema) => {
      schema.properties.technician.pattern = '^(?=.*\\d)\\w+$';
      schema.properties.parts.items.properties.name.pattern = '^(\\w)\\1$';
      schema.patternProperties = { '^(?<!x)y/z~$': { type: 'string' } };
      schema.definitions = { code: { anyOf: [{ type: 'string', pattern: 'a{2000}' }] } };
      schema.properties.notes.pattern = '(';
      schema.properties.zone.pattern = '^\\w{800}$';
    });
    const { problems } = loadPack(samplePackFiles({ form }));
    expect(problems.map((p) => `${p.pointer} ${p.code}`).sort()).toEqual([
      '/schema/definitions/code/anyOf/0/pattern form.patternUnsupported',
      '/schema/patternProperties/^(?<!x)y~1z~0$ form.patternLookaround',
      '/schema/properties/notes/pattern form.patternInvalid',
      '/schema/properties/parts/items/properties/name/pattern form.patternBackreference',
      '/schema/properties/technician/pattern form.patternLookaround',
      '/schema/properties/zone/pattern form.patternTooComplex',
    ]);
    const at = (pointer: string) => problems.find((p) => p.pointer === pointer)!;
    const lookaround = at('/schema/properties/technician/pattern');
    expect(lookaround.file).toBe('schemas/repair-call.form.json');
    expect(lookaround.line).toBeGreaterThan(1);
    expect(lookaround.message['zh-CN']).toContain('正则表达式“^(?=.*\\d)\\w+$”使用了前瞻或后顾断言');
    expect(lookaround.message.en).toContain('Regular expression "^(?=.*\\d)\\w+$" uses lookahead or lookbehind');
    expect(at('/schema/definitions/code/anyOf/0/pattern').message.en).toContain('invalid repeat count');
    expect(at('/schema/properties/zone/pattern').message['zh-CN']).toBe(
      '正则表达式“^\\w{800}$”过于复杂（规模 804，上限 500）：请减少重复次数，长度请用 maxLength 限制',
    );
  });

  it('when patterns are the classic ReDoS ones, then they are accepted: they are matched in linear time', () => {
    const form = formWith((schema) => {
      schema.properties.technician.pattern = '^(a+)+$';
      schema.properties.notes.pattern = '^(a|aa)+$';
      schema.patternProperties = { '^(a|a?)+$': { type: 'string' } };
      schema.properties.phone = { type: 'string', pattern: '^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$', 'x-title': t('电话', 'Phone') };
    });
    expect(loadPack(samplePackFiles({ form })).problems).toEqual([]);
    const compiled = compileRecordSchema(form.schema);
    const evil = `${'a'.repeat(10_000)}!`;
    const result = compiled.ok
      ? compiled.validate({ callTime: '2025-10-09T09:00:00+08:00', zone: 'urban', technician: evil, notes: evil })
      : null;
    // (maxLength errors too: ajv reports every error, and matches the pattern all the same.)
    expect(result?.errors.filter((e) => e.keyword === 'pattern').map((e) => e.pointer)).toEqual(['/technician', '/notes']);
  });
});
