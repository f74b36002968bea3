import { describe, expect, it } from 'vitest';
import { OUTCOME_TYPES } from '@aftersales/engine';
import { adminEn } from '../../i18n/admin.en';
import { adminZhCN } from '../../i18n/admin.zh-CN';
import { en as commonEn } from '../../i18n/en';
import { zhCN as commonZhCN } from '../../i18n/zh-CN';
import { outcomeForm } from './outcomeSchemas';
import { outcomeWords } from './outcomeWords';

const choices = { roles: [], statuses: [], dateFields: [], personFields: [], calendars: [] };

/** Every title and option name of a generated schema/uiSchema. */
function texts(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => texts(n, out));
  else if (node && typeof node === 'object')
    for (const [key, value] of Object.entries(node)) {
      if (key === 'title' && typeof value === 'string') out.push(value);
      else if (key === 'ui:enumNames' && Array.isArray(value)) out.push(...(value as string[]));
      else texts(value, out);
    }
  return out;
}

describe('outcomeWords', () => {
  for (const [locale, dictionary] of [
    ['en', { ...commonEn, ...adminEn }],
    ['zh-CN', { ...commonZhCN, ...adminZhCN }],
  ] as const) {
    const d = dictionary as Record<string, string>;
    const words = outcomeWords(
      (key) => d[key]!,
      (key) => Object.hasOwn(d, key),
    );
    it(`when an outcome form is generated in ${locale}, then no title or unit is a message key`, () => {
      for (const type of OUTCOME_TYPES) {
        const { schema, uiSchema } = outcomeForm(type, choices, words, (t) => t[locale]);
        expect(texts([schema, uiSchema]).filter((text) => /^(unit|param)\.|^[a-z]+[A-Z]/.test(text))).toEqual([]);
      }
    });
    it(`when a deadline form is generated in ${locale}, then its length is not labelled as money and its units are words`, () => {
      const { schema, uiSchema } = outcomeForm('deadline', choices, words, (t) => t[locale]);
      const limit = (schema.properties as Record<string, { properties: Record<string, { title: string }> }>).limit!;
      expect(limit.properties.amount!.title).toBe(d['param.limitAmount']);
      expect(limit.properties.amount!.title).not.toBe(d['param.amount']);
      const units = ((uiSchema.limit as Record<string, Record<string, unknown>>).unit!['ui:enumNames'] as string[]).slice(0, 2);
      expect(units).toEqual([d['unit.workingHours'], d['unit.workingDays']]);
    });
  }
});
