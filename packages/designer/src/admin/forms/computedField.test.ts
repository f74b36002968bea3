import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkForm, computeFields, type FormDefinition, type RecordSchema } from '@aftersales/engine';
import { canCompute, fieldFormula, fieldPointer, setFieldFormula, starterFormula } from './computedField';
import { fieldsAt, newField, readFields, replaceFieldsAt, writeFields, type FieldModel, type FieldOf } from './fieldModel';

const SCHEMAS = fileURLToPath(new URL('../../../../../schemas/', import.meta.url));
const forms = readdirSync(SCHEMAS)
  .filter((f) => f.endsWith('.form.json'))
  .map((file) => JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8')) as FormDefinition);
const requisition = forms.find((f) => f.id === 'parts-requisition')!;
const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** Every `x-formula` of a schema: the keys of the fields' parents (a repeating line's key) and the formula. */
function formulasOf(node: RecordSchema, path: string[] = []): { path: string[]; key: string; formula: unknown }[] {
  return Object.entries(node.properties ?? {}).flatMap(([key, child]) => [
    ...(child['x-formula'] !== undefined ? [{ path, key, formula: child['x-formula'] }] : []),
    ...(child.type === 'object' ? formulasOf(child, [...path, key]) : []),
    ...(child.items && !Array.isArray(child.items) ? formulasOf(child.items, [...path, key]) : []),
  ]);
}

describe('computed fields of the form editor', () => {
  const all = forms.flatMap((form) => formulasOf(form.schema).map((f) => ({ form, ...f })));

  it('when the pack is read, then it has the requisition line subtotal and total formulas to round-trip', () => {
    expect(all.map((f) => `${f.form.id}:${[...f.path, f.key].join('.')}`)).toEqual(
      expect.arrayContaining(['parts-requisition:items.subtotal', 'parts-requisition:totalAmount']),
    );
  });

  it.each(all.map((f) => [`${f.form.id}: ${[...f.path, f.key].join('.')}`, f] as const))(
    'when %s is opened, then its field is computed with the formula of the file, and saving unchanged gives back the same JSON',
    (_, { form, path, key, formula }) => {
      const model = readFields(form);
      const field = fieldsAt(model.fields, path)!.find((f) => f.key === key)!;
      const parent = path.length > 0 ? fieldsAt(model.fields, path.slice(0, -1))!.find((f) => f.key === path.at(-1))! : null;
      expect(canCompute(field, parent)).toBe(true);
      expect(fieldFormula(field)).toEqual(formula);
      // The formula written back as the editor holds it (the blocks edit the same value).
      const same = replaceFieldsAt(model.fields, path, (list) =>
        list.map((f) => (f.key === key ? setFieldFormula(f, fieldFormula(f)) : f)),
      );
      expect(JSON.stringify(writeFields(form, { ...model, fields: same }))).toBe(JSON.stringify(form));
    },
  );

  it('when the subtotal stops being computed, then only its x-formula goes, and on again it comes back in its place', () => {
    const model = readFields(requisition);
    const edit = (change: (f: FieldModel) => FieldModel) =>
      writeFields(requisition, {
        ...model,
        fields: replaceFieldsAt(model.fields, ['items'], (l) => l.map((f) => (f.key === 'subtotal' ? change(f) : f))),
      });
    const typed = edit((f) => setFieldFormula(f, undefined));
    const subtotal = (typed.schema.properties!.items!.items as RecordSchema).properties!.subtotal!;
    expect(subtotal).not.toHaveProperty('x-formula');
    expect(subtotal['x-title']).toEqual(t('小计', 'Subtotal'));
    const again = edit((f) => setFieldFormula(f, { mul: [{ fact: 'qty' }, { fact: 'unitPrice' }] }));
    expect(JSON.stringify(again)).toBe(JSON.stringify(requisition));
  });

  it('when a text field or a field of a group is looked at, then it cannot be computed (the server computes top and line numbers only)', () => {
    const model = readFields(requisition);
    const lines = linesOf(model.fields, 'items');
    const name = lines.children.find((f) => f.key === 'name')!;
    expect(canCompute(name, lines)).toBe(false);
    const amount = newField('money', [], t('金额', 'Amount'));
    expect(canCompute(amount, { ...newField('group', [], t('组', 'Group')) })).toBe(false);
    expect(canCompute(amount, null)).toBe(true);
  });
});

describe('starterFormula', () => {
  it('when a line number is made computed, then it starts as the product of the two typed numbers of the line', () => {
    const model = readFields(requisition);
    const lines = linesOf(model.fields, 'items');
    const subtotal = setFieldFormula(
      lines.children.find((f) => f.key === 'subtotal')!,
      undefined,
    );
    expect(starterFormula(subtotal, lines.children, lines)).toEqual({ mul: [{ fact: 'qty' }, { fact: 'unitPrice' }] });
  });

  it('when a number at the top is made computed, then it starts as the sum of the lines of their computed number', () => {
    const model = readFields(requisition);
    const total = model.fields.find((f) => f.key === 'totalAmount')!;
    expect(starterFormula(total, model.fields, null)).toEqual({ sum: 'items', field: 'subtotal' });
    const lone = newField('number', [], t('数', 'N'));
    expect(starterFormula(lone, [lone], null)).toBe(0);
  });

  it('when the starter formulas are saved, then the engine accepts the form and computes 2 × 150 per line and their sum', () => {
    const lines: FieldOf<'lines'> = { ...newField('lines', [], t('明细', 'Lines')), key: 'lines1' };
    const fields: FieldModel[] = [lines, { ...newField('money', [], t('合计', 'Total')), key: 'total' }];
    lines.children = [
      { ...newField('integer', [], t('数量', 'Qty')), key: 'qty' },
      { ...newField('money', [], t('单价', 'Price')), key: 'price' },
      { ...newField('money', [], t('小计', 'Subtotal')), key: 'sub' },
    ];
    const line = lines.children;
    line[2] = setFieldFormula(line[2]!, starterFormula(line[2]!, line, lines));
    fields[1] = setFieldFormula(fields[1]!, starterFormula(fields[1]!, fields, null));
    const base: FormDefinition = {
      id: 'sums',
      title: t('合计', 'Sums'),
      schema: { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties: {} },
    };
    const form = writeFields(base, { fields, requiredOrder: undefined });
    expect(checkForm(form)).toEqual([]);
    const { data } = computeFields(form, {
      lines1: [
        { qty: 2, price: 150 },
        { qty: 1, price: 20.5 },
      ],
    });
    expect(data).toEqual({
      lines1: [
        { qty: 2, price: 150, sub: 300 },
        { qty: 1, price: 20.5, sub: 20.5 },
      ],
      total: 320.5,
    });
  });
});

describe('fieldPointer', () => {
  it('when a field is on a repeating line, then its pointer goes through the line items', () => {
    const model = readFields(requisition);
    expect(fieldPointer(model.fields, ['items'], 'subtotal')).toBe('/schema/properties/items/items/properties/subtotal');
    expect(fieldPointer(model.fields, [], 'totalAmount')).toBe('/schema/properties/totalAmount');
  });
});

/** The repeating-lines field of a key (the test fails when it is not one). */
function linesOf(fields: FieldModel[], key: string): FieldOf<'lines'> {
  const field = fields.find((f) => f.key === key);
  if (field?.type !== 'lines') throw new Error(`${key} is not a repeating-lines field`);
  return field;
}
