import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadPack, type FormDefinition } from '@aftersales/engine';
import { changeType, FIELD_TYPES, fieldTypesAt, limitsOf, newField, readFields, writeField, writeFields } from './fieldModel';

const SCHEMAS = fileURLToPath(new URL('../../../../../schemas/', import.meta.url));
const read = (id: string) => JSON.parse(readFileSync(join(SCHEMAS, `${id}.form.json`), 'utf8')) as FormDefinition;
const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

describe('link fields in the form editor', () => {
  it('when the add-field menu is listed at the top of a form, then "link to a record" is one of its types, but not in a group or on a line', () => {
    expect(FIELD_TYPES).toContain('link');
    expect(fieldTypesAt(false)).toContain('link');
    expect(fieldTypesAt(true)).not.toContain('link');
    expect(fieldTypesAt(true)).toContain('money');
  });

  it("when the return visit is opened, then its ticket is a link field to the service record, and saving unchanged gives back the pack's JSON", () => {
    const visit = read('return-visit');
    const model = readFields(visit);
    const ticket = model.fields.find((f) => f.key === 'ticketRef')!;
    expect(ticket.type).toBe('link');
    expect(ticket.schemaRest['x-linkForm']).toBe('after-sales-record');
    expect(limitsOf(ticket).maxLength).toBe(50);
    expect(JSON.stringify(writeFields(visit, model))).toBe(JSON.stringify(visit));
  });

  it('when a link field is added and its form picked, then it writes the JSON of the pack and the pack loads without problems', () => {
    const field = { ...newField('link', [], t('服务单', 'Service ticket')), key: 'ticket' };
    field.schemaRest = { ...field.schemaRest, 'x-linkForm': 'after-sales-record' };
    expect(writeField(field).schema).toEqual({
      type: 'string',
      'x-kind': 'link',
      'x-title': t('服务单', 'Service ticket'),
      maxLength: 50,
      'x-linkForm': 'after-sales-record',
    });
    const visit: FormDefinition = {
      $schema: './meta/form.schema.json',
      id: 'site-visit',
      title: t('上门回访', 'Site visit'),
      schema: { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', additionalProperties: false, properties: {} },
    };
    const form = writeFields(visit, { fields: [field], requiredOrder: undefined });
    const files = [form, read('after-sales-record')].map((f) => ({ path: `schemas/${f.id}.form.json`, text: JSON.stringify(f) }));
    expect(loadPack(files).problems).toEqual([]);
  });

  it('when a link field has no form yet, then the engine says so at its x-linkForm', () => {
    const field = { ...newField('link', [], t('服务单', 'Service ticket')), key: 'ticket' };
    const form = writeFields(
      { id: 'site-visit', title: t('上门回访', 'Site visit'), schema: { type: 'object', properties: {} } },
      { fields: [field], requiredOrder: undefined },
    );
    const { problems } = loadPack([
      { path: 'schemas/site-visit.form.json', text: JSON.stringify({ $schema: './meta/form.schema.json', ...form }) },
    ]);
    expect(problems.map((p) => [p.pointer, p.code])).toContainEqual(['/schema/properties/ticket/x-linkForm', 'form.unknownLinkForm']);
  });

  it('when a link field becomes a text field, then its linked form goes with its kind', () => {
    const field = { ...newField('link', [], t('服务单', 'Service ticket')), key: 'ticket' };
    field.schemaRest = { 'x-linkForm': 'after-sales-record' };
    const text = writeField(changeType(field, 'text')).schema;
    expect(text).not.toHaveProperty('x-linkForm');
    expect(text).not.toHaveProperty('x-kind');
  });
});

describe('a computed number changing its kind', () => {
  it('when a computed amount becomes a plain number, then it stays computed by the same formula', () => {
    const amount = { ...newField('money', [], t('合计', 'Total')), schemaRest: { 'x-formula': { sum: 'items', field: 'subtotal' } } };
    expect(changeType(amount, 'number').schemaRest['x-formula']).toEqual({ sum: 'items', field: 'subtotal' });
    expect(changeType(amount, 'text').schemaRest).not.toHaveProperty('x-formula');
  });
});
