import { pickText, type Locale } from '../i18n/LocalizedText.js';
import { enumKey } from './enumKey.js';
import { fieldAt } from './fieldAt.js';
import type { FormDefinition } from './FormDefinition.js';

const MAX = 40;

/** How a person field's value (a user name) reads to people: their display name. */
export type PersonName = (username: string) => string;

/**
 * What names a record to people (never its id): the values of the form's `recordTitle` fields
 * (e.g. ticket no. + customer name, "SH-1009 · 李女士"), options by their labels, people by
 * `personName` (a person field holds a user name); for a form without one, its first filled plain
 * text field in the form's order. Empty when nothing is filled.
 */
export function recordName(
  form: FormDefinition | undefined,
  data: Record<string, unknown>,
  locale: Locale,
  personName: PersonName = (username) => username,
): string {
  if (!form) return '';
  if (form.recordTitle && form.recordTitle.length > 0) {
    return form.recordTitle
      .map((path) => valueText(form, path, data, locale, personName))
      .filter((text) => text !== '')
      .join(' · ');
  }
  const properties = (form.schema.properties ?? {}) as Record<
    string,
    { type?: unknown; format?: unknown; enum?: unknown; 'x-kind'?: unknown }
  >;
  for (const [name, property] of Object.entries(properties)) {
    const value = data[name];
    if (
      property.type === 'string' &&
      !property.format &&
      !property.enum &&
      property['x-kind'] !== 'photo' &&
      property['x-kind'] !== 'link' &&
      typeof value === 'string' &&
      value.trim()
    )
      return shorten(property['x-kind'] === 'person' ? personName(value) : value.trim());
  }
  return '';
}

function valueText(form: FormDefinition, path: string, data: Record<string, unknown>, locale: Locale, personName: PersonName): string {
  let value: unknown = data;
  for (const segment of path.split('.'))
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined;
  if (value === undefined || value === null || value === '' || typeof value === 'object') return '';
  // A link holds the linked record's id: never shown.
  if (form.schema.properties?.[path]?.['x-kind'] === 'link') return '';
  if (typeof value === 'string' && form.schema.properties?.[path]?.['x-kind'] === 'person') return shorten(personName(value).trim());
  const field = fieldAt(form.schema, path);
  const title = field?.enumTitles?.[enumKey(value)];
  if (title) return pickText(title, locale);
  if (typeof value === 'boolean') return field?.label ? (value ? pickText(field.label, locale) : '') : '';
  return typeof value === 'string' || typeof value === 'number' ? shorten(String(value).trim()) : '';
}

function shorten(text: string): string {
  return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text;
}
