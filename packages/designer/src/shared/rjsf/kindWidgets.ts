import { formulaOf, type FormDefinition } from '@aftersales/engine';

/**
 * The uiSchema with the widgets field kinds call for, where the form's own uiSchema names none:
 * person and store fields pick from lists, link fields find records by their titles, photo fields holding several show them as
 * one gallery, and the field the server numbers is read-only (it is filled when the record is saved), and so are computed fields.
 */
export function withKindWidgets(
  form: FormDefinition,
  uiSchema: Record<string, unknown>,
  numberedHint: string,
  computedHint = '',
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...uiSchema };
  for (const [name, schema] of Object.entries(form.schema.properties ?? {})) {
    if (typeof schema !== 'object' || schema === null) continue;
    const field = (out[name] ?? {}) as Record<string, unknown>;
    const kind = schema['x-kind'];
    if ((kind === 'person' || kind === 'store' || kind === 'signature' || kind === 'link') && field['ui:widget'] === undefined)
      out[name] = { ...field, 'ui:widget': kind };
    // A photo or file field holding several: one gallery with its own add and remove buttons (not a list of single pickers).
    if ((kind === 'photo' || kind === 'file') && schema.type === 'array' && field['ui:widget'] === undefined)
      out[name] = { ...field, 'ui:widget': 'photos' };
  }
  // Computed fields (a formula: subtotal, total) are read-only: the form computes them as you type.
  const computed = (field: unknown) => ({
    ...((field ?? {}) as Record<string, unknown>),
    'ui:readonly': true,
    'ui:placeholder': computedHint,
  });
  for (const [name, schema] of Object.entries(form.schema.properties ?? {})) {
    if (typeof schema !== 'object' || schema === null) continue;
    if (formulaOf(schema) !== undefined) out[name] = computed(out[name]);
    const item = schema.items && !Array.isArray(schema.items) ? schema.items : undefined;
    const lineFields = Object.entries(item?.properties ?? {}).filter(([, child]) => formulaOf(child) !== undefined);
    if (lineFields.length === 0) continue;
    const ui = (out[name] ?? {}) as Record<string, unknown>;
    const items = { ...((ui.items ?? {}) as Record<string, unknown>) };
    for (const [child] of lineFields) items[child] = computed(items[child]);
    out[name] = { ...ui, items };
  }
  const numbered = form.numbering?.field;
  if (numbered) {
    const field = (out[numbered] ?? {}) as Record<string, unknown>;
    out[numbered] = { ...field, 'ui:readonly': true, 'ui:placeholder': numberedHint };
  }
  return out;
}
