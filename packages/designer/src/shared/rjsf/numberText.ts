/** What a person typed into a number box, read as people write numbers. */
export type NumberText = { kind: 'empty' } | { kind: 'number'; value: number; text: string } | { kind: 'invalid' };

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0B\uFF0C\uFF0D\uFF0E]/g;

/**
 * "12.50" and "12,50" are 12.5 (one comma and no point: a decimal comma), "1,234.5" is 1234.5
 * (commas beside a point, or several: thousands), full-width digits (１２．５, a Chinese keyboard)
 * are digits, spaces are ignored. Anything else with a letter or a second point ("1O", "1.2.3")
 * is invalid: never silently read as a part of itself.
 */
export function readNumberText(raw: string): NumberText {
  let text = raw.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\s+/g, '');
  if (text === '') return { kind: 'empty' };
  const commas = (text.match(/,/g) ?? []).length;
  if (commas === 1 && !text.includes('.')) text = text.replace(',', '.');
  else if (commas > 0) {
    // Thousands separators: groups of three digits.
    if (!/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(text)) return { kind: 'invalid' };
    text = text.replace(/,/g, '');
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return { kind: 'invalid' };
  const value = Number(text);
  return Number.isFinite(value) ? { kind: 'number', value, text: text.startsWith('.') ? `0${text}` : text } : { kind: 'invalid' };
}
