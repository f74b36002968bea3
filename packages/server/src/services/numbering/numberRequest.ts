import type { FormDefinition } from '@aftersales/engine';
import type { NumberRequest } from '../../store/numbering.js';

/**
 * The counter and shape of a new record's number from the form's `numbering` format: `{date}` is the
 * local date (YYYYMMDD) in the store's time zone, `{seq:n}` the sequence with at least n digits
 * (`{seq}`: 3). The counter is per form, store and the text before the sequence, so a format with
 * `{date}` starts again at 1 each day. Null when the form is not numbered.
 */
export function numberRequest(form: FormDefinition, context: { store: string | null; now: Date; timeZone: string }): NumberRequest | null {
  const numbering = form.numbering;
  if (!numbering) return null;
  const date = localDate(context.now, context.timeZone);
  const text = numbering.format.replaceAll('{date}', date);
  const match = /\{seq(?::(\d))?\}/.exec(text);
  if (!match) return null;
  const prefix = text.slice(0, match.index);
  const suffix = text.slice(match.index + match[0].length);
  return {
    field: numbering.field,
    key: `${form.id}\u0000${context.store ?? ''}\u0000${prefix}\u0000${suffix}`,
    prefix,
    suffix,
    digits: match[1] ? Number(match[1]) : 3,
  };
}

/** One formatter per time zone: making one costs far more than formatting with it (about half a millisecond). */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** YYYYMMDD of an instant in a time zone. */
function localDate(at: Date, timeZone: string): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}${part('month')}${part('day')}`;
}
