import type { RecordSchema } from '@aftersales/engine';
import type { FieldModel, ShowWhen } from './fieldTypes';

/** Show-when: a field shown (and required) only when a sibling has a value, as `ui:showWhen` plus a generated `allOf` entry. */

const SHOW_WHEN_COMMENT = 'showWhen';

export const SHOW_WHEN_UI = 'ui:showWhen';

export function isShowWhen(value: unknown): value is ShowWhen {
  return value !== null && typeof value === 'object' && typeof (value as { field?: unknown }).field === 'string';
}

export function isShowWhenEntry(entry: unknown): entry is RecordSchema {
  return entry !== null && typeof entry === 'object' && (entry as RecordSchema).$comment === SHOW_WHEN_COMMENT;
}

/** Names made required by our generated `allOf` entries ("required when shown"). */
export function conditionallyRequired(node: RecordSchema): string[] {
  const allOf = Array.isArray(node.allOf) ? (node.allOf as RecordSchema[]) : [];
  return allOf.filter(isShowWhenEntry).flatMap((e) => (e.then as RecordSchema | undefined)?.required ?? []);
}

export function showWhenEntry(field: FieldModel, siblings: FieldModel[]): RecordSchema {
  const when = field.showWhen!;
  const other = siblings.find((s) => s.key === when.field);
  const condition: RecordSchema =
    when.equals === undefined
      ? { required: [when.field] }
      : {
          properties: {
            [when.field]: other?.type === 'multipleChoice' ? { contains: { const: when.equals } } : { const: when.equals },
          },
          required: [when.field],
        };
  return { $comment: SHOW_WHEN_COMMENT, if: condition, then: { required: [field.key] } };
}
