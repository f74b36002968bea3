import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkForm, compileRecordSchema, localizeForm, type FormDefinition } from '@aftersales/engine';
import {
  changeType,
  hasChildren,
  move,
  newField,
  readFields,
  replaceFieldsAt,
  setMultiple,
  writeField,
  writeFields,
  type FieldModel,
} from './fieldModel';

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const SCHEMAS = fileURLToPath(new URL('../../../../../schemas/', import.meta.url));

const form: FormDefinition = {
  $schema: './meta/form.schema.json',
  id: 'repair-call',
  title: t('报修', 'Repair call'),
  schema: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    additionalProperties: false,
    required: ['zone', 'callTime'],
    properties: {
      callTime: { type: 'string', format: 'date-time', 'x-title': t('来电时间', 'Call time') },
      zone: {
        'x-title': t('区域', 'Zone'),
        type: 'string',
        enum: ['urban', 'suburban'],
        'x-enumTitles': { urban: t('市区', 'Urban'), suburban: t('郊区', 'Suburban') },
      },
      fee: { type: 'number', minimum: 0, 'x-title': t('费用', 'Fee'), 'x-kind': 'money', default: 0 },
      notes: { type: 'string', maxLength: 5000, 'x-kind': 'longText', 'x-description': t('说明', 'Help') },
      tags: { type: 'array', uniqueItems: true, items: { type: 'string', enum: ['a'], 'x-enumTitles': { a: t('甲', 'A') } } },
      customer: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: { name: { type: 'string' }, phone: { type: 'string', 'x-kind': 'phone', pattern: '^[0-9]+$' } },
      },
      parts: {
        type: 'array',
        maxItems: 100,
        'x-title': t('配件', 'Parts'),
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['name'],
          properties: {
            name: { type: 'string', maxLength: 200 },
            qty: { type: 'integer', minimum: 1 },
            photo: { type: 'string', 'x-kind': 'photo' },
          },
        },
      },
      ref: { $ref: '#/definitions/x' },
    },
    definitions: { x: { type: 'string' } },
  },
  uiSchema: {
    'ui:order': ['zone', '*'],
    notes: { 'ui:widget': 'textarea', 'ui:options': { rows: 3 } },
    parts: { items: { photo: { 'ui:widget': 'photo' } }, 'ui:options': { orderable: false } },
    customer: { phone: { 'ui:placeholder': '138' } },
  },
};

describe('fieldModel', () => {
  it('when a form is read and written back untouched, then it is identical, key order included', () => {
    const back = writeFields(form, readFields(form));
    expect(JSON.stringify(back)).toBe(JSON.stringify(form));
  });

  it('when fields are read, then each gets the type an admin knows', () => {
    const { fields } = readFields(form);
    expect(fields.map((f) => [f.key, f.type, f.required])).toEqual([
      ['callTime', 'dateTime', true],
      ['zone', 'singleChoice', true],
      ['fee', 'money', false],
      ['notes', 'longText', false],
      ['tags', 'multipleChoice', false],
      ['customer', 'group', false],
      ['parts', 'lines', false],
      ['ref', 'advanced', false],
    ]);
    const parts = fields.find((f) => f.key === 'parts')!;
    expect(hasChildren(parts) && parts.children.map((c) => [c.key, c.type, c.required])).toEqual([
      ['name', 'text', true],
      ['qty', 'integer', false],
      ['photo', 'photo', false],
    ]);
  });

  for (const file of safeList(SCHEMAS).filter((f) => f.endsWith('.form.json'))) {
    it(`when the default pack form ${file} is read and written back, then it is unchanged`, () => {
      const definition = JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8')) as FormDefinition;
      expect(JSON.stringify(writeFields(definition, readFields(definition)))).toBe(JSON.stringify(definition));
    });
  }

  it("when the pack's after-sales record is read, then its person, store and signature fields are edited as such (not as JSON)", () => {
    const definition = JSON.parse(readFileSync(join(SCHEMAS, 'after-sales-record.form.json'), 'utf8')) as FormDefinition;
    const byKey = new Map(readFields(definition).fields.map((f) => [f.key, f]));
    expect([byKey.get('technician')?.type, byKey.get('store')?.type, byKey.get('customerSignature')?.type]).toEqual([
      'person',
      'store',
      'signature',
    ]);
    // The roles a person may be picked from stay with the field.
    expect(writeField(byKey.get('technician')!).schema['x-roles']).toEqual(['technician']);
    expect([...byKey.values()].filter((f) => f.type === 'advanced').map((f) => f.key)).toEqual([]);
  });

  it('when an admin builds a form with every field type, then the engine accepts it and a record validates', () => {
    const empty: FormDefinition = {
      id: 'new-form',
      title: t('新表单', 'New form'),
      schema: { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', additionalProperties: false, properties: {} },
    };
    let fields: FieldModel[] = [];
    for (const type of ['text', 'longText', 'number', 'integer', 'money', 'date', 'dateTime', 'singleChoice', 'multipleChoice'] as const)
      fields.push(newField(type, fields, t('字段', 'Field')));
    for (const type of ['yesNo', 'phone', 'file', 'photo', 'signature', 'person', 'store', 'group', 'lines'] as const)
      fields.push(newField(type, fields, t('字段', 'Field')));
    const lines = fields.find((f) => f.type === 'lines')!;
    fields = replaceFieldsAt(fields, [lines.key], (list) => [
      ...list,
      { ...newField('text', list, t('名称', 'Name')), key: 'name', required: true },
      { ...newField('money', list, t('单价', 'Unit price')), key: 'unitPrice' },
    ]);
    const choice = fields.find((f) => f.type === 'singleChoice')!;
    fields = fields.map((f) => (f.type === 'text' ? { ...f, required: true, showWhen: { field: choice.key, equals: 'option1' } } : f));
    const next = writeFields(empty, { fields, requiredOrder: undefined });
    expect(checkForm(next)).toEqual([]);
    const compiled = compileRecordSchema(next.schema, { strict: true });
    if (!compiled.ok) throw new Error(compiled.message);
    const textKey = fields.find((f) => f.type === 'text')!.key;
    // Required only when shown: the choice is option1.
    expect(compiled.validate({}).valid).toBe(true);
    expect(compiled.validate({ [choice.key]: 'option1' }).valid).toBe(false);
    expect(compiled.validate({ [choice.key]: 'option1', [textKey]: 'x' }).valid).toBe(true);
    expect(compiled.validate({ [lines.key]: [{ name: 'bolt', unitPrice: 2 }] }).valid).toBe(true);
    expect(compiled.validate({ [lines.key]: [{ unitPrice: 2 }] }).valid).toBe(false);
    // Read back, it is the same model.
    expect(writeFields(next, readFields(next))).toStrictEqual(next);
    // Localized for RJSF: option labels become ui:enumNames.
    const { uiSchema } = localizeForm(next, 'en');
    expect((uiSchema[choice.key] as Record<string, unknown>)['ui:enumNames']).toEqual(['Option 1']);
  });

  it('when fields are reordered, then the schema properties and ui:order follow', () => {
    const model = readFields(form);
    const next = writeFields(form, { ...model, fields: move(model.fields, 1, 0) });
    expect(Object.keys(next.schema.properties!).slice(0, 2)).toEqual(['zone', 'callTime']);
    expect(next.uiSchema?.['ui:order']).toEqual(['zone', 'callTime', 'fee', 'notes', 'tags', 'customer', 'parts', 'ref', '*']);
  });

  it('when a field is removed, then its uiSchema and required entry go too', () => {
    const model = readFields(form);
    const next = writeFields(form, { ...model, fields: model.fields.filter((f) => f.key !== 'notes' && f.key !== 'zone') });
    expect(next.uiSchema).not.toHaveProperty('notes');
    expect(next.schema.required).toEqual(['callTime']);
  });

  it('when a photo field allows several photos, then it is an array of references and back', () => {
    const photo = newField('photo', [], t('照片', 'Photo'));
    const several = setMultiple(photo, true);
    const { schema, ui } = writeField(several);
    expect(schema).toEqual({
      type: 'array',
      'x-kind': 'photo',
      'x-title': t('照片', 'Photo'),
      maxItems: 20,
      items: { type: 'string', format: 'uri-reference', maxLength: 500 },
    });
    expect(ui).toEqual({ items: { 'ui:widget': 'photo' } });
    expect(writeField(setMultiple(several, false)).schema).toEqual(writeField(photo).schema);
  });

  it('when a text field becomes a long text, then it gets the textarea widget and keeps its label', () => {
    const field = readFields(form).fields.find((f) => f.key === 'callTime')!;
    const changed = changeType(field, 'longText');
    expect(changed.ui['ui:widget']).toBe('textarea');
    expect(changed.label).toEqual(field.label);
  });
});

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
