import {
  formatLocalDate,
  formatLocalDateTime,
  pickText,
  recordName,
  type FormDefinition,
  type Locale,
  type RecordSchema,
} from '@aftersales/engine';
import { actorText } from '@aftersales/contract';
import type { StoredRecord } from '../../store/types.js';

/** One line of the print layout: a label and its value, indented under its group. */
export interface PrintLine {
  label: string;
  value: string;
  depth: number;
}

/** A signature field of the layout, with the file its drawing was uploaded as (when signed). */
export interface PrintSignature {
  label: string;
  fileId: string | null;
}

/** The print layout of a record, the words people read: title, header rows, fields, signatures. */
export interface PrintLayout {
  title: string;
  header: PrintLine[];
  lines: PrintLine[];
  signatures: PrintSignature[];
}

/** The key of an option in `x-enumTitles` (the engine's rule: strings as they are, other values as JSON). */
const enumKey = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));

const UPLOADED = /^\/api\/v1\/files\/([0-9a-f-]{36})$/;

/** Words of the layout in each language (the web app's print page says the same). */
const WORDS = {
  'zh-CN': {
    number: '单号',
    store: '门店',
    status: '状态',
    created: '创建',
    yes: '是',
    no: '否',
    photos: (n: number) => `照片 ${n} 张`,
    line: (n: number) => `第 ${n} 行`,
    linked: '关联记录',
    handledBy: '经办人签字',
  },
  en: {
    number: 'Number',
    store: 'Store',
    status: 'Status',
    created: 'Created',
    yes: 'Yes',
    no: 'No',
    photos: (n: number) => `${n} photo${n === 1 ? '' : 's'}`,
    line: (n: number) => `Line ${n}`,
    linked: 'Linked record',
    handledBy: 'Handled by (signature)',
  },
} as const;

export interface PrintContext {
  locale: Locale;
  timeZone: string;
  /** Display names by user name (person fields and the creator). */
  people: ReadonlyMap<string, string>;
  /** Titles of the records link fields name, by id. */
  links: ReadonlyMap<string, string>;
  /** Store names by store id (the record's store and store fields read by name). */
  stores?: ReadonlyMap<string, string>;
}

/**
 * The print layout of a record from its form (the same as the web app's print page): the form's
 * title; number, store, status, creation; each filled field in the form's order (groups and lines
 * indented under their label; options, people, links, dates and money in words, never codes or
 * ids); signature lines, with the drawn signatures.
 */
export function printLayout(form: FormDefinition, record: StoredRecord, context: PrintContext): PrintLayout {
  const { locale } = context;
  const words = WORDS[locale];
  const text = (value: Parameters<typeof pickText>[0] | undefined, fallback: string) => (value ? pickText(value, locale) : fallback);
  const state = form.statusFlow?.states.find((s) => s.id === record.status);
  const header: PrintLine[] = [
    {
      label: words.number,
      value: recordName(form, record.data, locale, (username) => context.people.get(username) ?? username) || '–',
      depth: 0,
    },
    { label: words.store, value: record.store === null ? '–' : (context.stores?.get(record.store) ?? record.store), depth: 0 },
    { label: words.status, value: state ? pickText(state.label, locale) : '–', depth: 0 },
    {
      label: words.created,
      value: `${formatLocalDateTime(record.createdAt, locale, context.timeZone)} · ${pickText(
        actorText(record.createdBy, (u) => context.people.get(u)),
        locale,
      )}`,
      depth: 0,
    },
  ];
  const lines: PrintLine[] = [];
  const signatures: PrintSignature[] = [];
  const valueText = (schema: RecordSchema, value: unknown): string => {
    const kind = schema['x-kind'];
    if (typeof value === 'boolean') return value ? words.yes : words.no;
    if (kind === 'person' && typeof value === 'string') return context.people.get(value) ?? value;
    if (kind === 'store' && typeof value === 'string') return context.stores?.get(value) ?? value;
    if (kind === 'link' && typeof value === 'string') return context.links.get(value) ?? words.linked;
    const option = schema['x-enumTitles']?.[enumKey(value)];
    if (option) return pickText(option, locale);
    if (typeof value === 'string' && schema.format === 'date-time') return formatLocalDateTime(value, locale, context.timeZone);
    if (typeof value === 'string' && schema.format === 'date') return formatLocalDate(value, locale);
    if (typeof value === 'number' && kind === 'money')
      return new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' }).format(value);
    return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  };
  const walk = (schema: RecordSchema, data: Record<string, unknown>, order: readonly string[] | undefined, depth: number) => {
    const properties = schema.properties ?? {};
    const names = [...(order ?? []).filter((n) => n in properties), ...Object.keys(properties).filter((n) => !(order ?? []).includes(n))];
    for (const name of names) {
      const field = properties[name]!;
      const value = data[name];
      const label = text(field['x-title'], name);
      if (field['x-kind'] === 'signature') {
        const id = typeof value === 'string' ? UPLOADED.exec(value)?.[1] : undefined;
        signatures.push({ label, fileId: id ?? null });
        continue;
      }
      if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
      const photos = field['x-kind'] === 'photo' || (field.items as RecordSchema | undefined)?.['x-kind'] === 'photo';
      if (photos) lines.push({ label, value: words.photos(Array.isArray(value) ? value.length : 1), depth });
      else if (Array.isArray(value)) {
        const item = (field.items ?? {}) as RecordSchema;
        lines.push({ label, value: '', depth });
        value.forEach((row, i) => {
          if (item.properties && typeof row === 'object' && row !== null) {
            lines.push({ label: words.line(i + 1), value: '', depth: depth + 1 });
            walk(item, row as Record<string, unknown>, undefined, depth + 2);
          } else lines.push({ label: words.line(i + 1), value: valueText(item, row), depth: depth + 1 });
        });
      } else if (field.properties && typeof value === 'object') {
        lines.push({ label, value: '', depth });
        walk(field, value as Record<string, unknown>, undefined, depth + 1);
      } else lines.push({ label, value: valueText(field, value), depth });
    }
  };
  walk(form.schema, record.data, form.uiSchema?.['ui:order'] as string[] | undefined, 0);
  signatures.push({ label: words.handledBy, fileId: null });
  return { title: pickText(form.title, locale), header, lines, signatures };
}
