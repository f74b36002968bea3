import { pickText, type Locale } from '../i18n/LocalizedText.js';
import { enumKey } from './enumKey.js';
import type { FormDefinition, RecordSchema } from './FormDefinition.js';

type UiSchema = Record<string, unknown>;

/**
 * The schema and uiSchema react-jsonschema-form renders in one language: `title`/`description`
 * from `x-title`/`x-description`, and `ui:enumNames` from `x-enumTitles`. Validation is unchanged
 * (only annotations differ), so the localized schema accepts exactly the same records.
 */
export function localizeForm(form: FormDefinition, locale: Locale): { schema: RecordSchema; uiSchema: UiSchema } {
  const uiSchema = structuredClone(form.uiSchema ?? {}) as UiSchema;
  const schema = localizeNode(form.schema, uiSchema, locale);
  if (!schema.title) schema.title = pickText(form.title, locale);
  if (!schema.description && form.description) schema.description = pickText(form.description, locale);
  return { schema, uiSchema };
}

function localizeNode(node: RecordSchema, ui: UiSchema, locale: Locale): RecordSchema {
  const copy: RecordSchema = { ...node };
  if (node['x-title']) copy.title = pickText(node['x-title'], locale);
  if (node['x-description']) copy.description = pickText(node['x-description'], locale);
  const enumSource = Array.isArray(node.enum) ? node : isSchema(node.items) && Array.isArray(node.items.enum) ? node.items : undefined;
  if (enumSource?.['x-enumTitles'] && enumSource.enum) {
    const titles = enumSource['x-enumTitles'];
    ui['ui:enumNames'] = enumSource.enum.map((value) =>
      Object.hasOwn(titles, enumKey(value)) ? pickText(titles[enumKey(value)], locale) : enumKey(value),
    );
  }
  if (node.properties) {
    const properties: Record<string, RecordSchema> = {};
    for (const [key, child] of Object.entries(node.properties)) {
      const childUi = childUiSchema(ui, key);
      Object.defineProperty(properties, key, {
        value: localizeNode(child, childUi, locale),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    copy.properties = properties;
  }
  if (isSchema(node.items)) copy.items = localizeNode(node.items, childUiSchema(ui, 'items'), locale);
  if (node.definitions) {
    copy.definitions = Object.fromEntries(Object.entries(node.definitions).map(([key, child]) => [key, localizeNode(child, {}, locale)]));
  }
  return copy;
}

function childUiSchema(ui: UiSchema, key: string): UiSchema {
  const existing = Object.hasOwn(ui, key) ? ui[key] : undefined;
  if (existing && typeof existing === 'object' && !Array.isArray(existing)) return existing as UiSchema;
  const created: UiSchema = {};
  Object.defineProperty(ui, key, { value: created, enumerable: true, writable: true, configurable: true });
  return created;
}

function isSchema(value: unknown): value is RecordSchema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
