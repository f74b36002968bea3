import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FormDefinition, RecordSchema } from '@aftersales/engine';
import { renameInFormulas } from './renameInFormulas';

const requisition = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../../../../schemas/parts-requisition.form.json', import.meta.url)), 'utf8'),
) as FormDefinition;
const line = (form: FormDefinition) => (form.schema.properties!.items!.items as RecordSchema).properties!;

describe('renameInFormulas', () => {
  it("when a line field a subtotal reads is renamed, then the line's formula reads the new name", () => {
    const renamed = renameInFormulas(requisition, ['items'], 'unitPrice', 'price');
    expect(line(renamed).subtotal!['x-formula']).toEqual({ mul: [{ fact: 'qty' }, { fact: 'price' }] });
    expect(renamed.schema.properties!.totalAmount!['x-formula']).toEqual({ sum: 'items', field: 'subtotal' });
  });

  it('when the summed line field is renamed, then the total sums it by its new name', () => {
    const renamed = renameInFormulas(requisition, ['items'], 'subtotal', 'lineTotal');
    expect(renamed.schema.properties!.totalAmount!['x-formula']).toEqual({ sum: 'items', field: 'lineTotal' });
  });

  it('when the repeating lines are renamed, then the sum over them follows', () => {
    const renamed = renameInFormulas(requisition, [], 'items', 'parts');
    expect(renamed.schema.properties!.totalAmount!['x-formula']).toEqual({ sum: 'parts', field: 'subtotal' });
  });

  it('when a record field a line formula reads is renamed, then the line formula follows, unless a line field has that name', () => {
    const form: FormDefinition = {
      ...requisition,
      schema: {
        ...requisition.schema,
        properties: {
          rate: { type: 'number', 'x-formula': { if: { fact: 'qty', op: 'gt', value: 1 }, then: 1, else: 0 } },
          items: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                qty: { type: 'integer' },
                net: { type: 'number', 'x-formula': { mul: [{ fact: 'qty' }, { fact: 'rate' }] } },
              },
            },
          },
        },
      },
    };
    const renamed = renameInFormulas(form, [], 'rate', 'vat');
    expect((renamed.schema.properties!.items!.items as RecordSchema).properties!.net!['x-formula']).toEqual({
      mul: [{ fact: 'qty' }, { fact: 'vat' }],
    });
    // `qty` on the line is the line's own field: renaming a record field `qty` leaves it.
    const shadowed = renameInFormulas(form, [], 'qty', 'count');
    expect((shadowed.schema.properties!.items!.items as RecordSchema).properties!.net!['x-formula']).toEqual({
      mul: [{ fact: 'qty' }, { fact: 'rate' }],
    });
    // A condition's field at the top follows.
    expect(shadowed.schema.properties!.rate!['x-formula']).toEqual({ if: { fact: 'count', op: 'gt', value: 1 }, then: 1, else: 0 });
  });

  it('when a field no formula reads is renamed, then the form is written as it was', () => {
    expect(JSON.stringify(renameInFormulas(requisition, [], 'purpose', 'use'))).toBe(JSON.stringify(requisition));
  });
});
