/** Definitions shared by the meta-schemas (kept in each, so every published file stands alone). */
export const localizedText = {
  type: 'object',
  required: ['zh-CN', 'en'],
  additionalProperties: false,
  properties: {
    'zh-CN': { type: 'string', minLength: 1, maxLength: 2000 },
    en: { type: 'string', minLength: 1, maxLength: 2000 },
  },
} as const;

export const kebabId = { type: 'string', pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', maxLength: 100 } as const;
export const camelId = { type: 'string', pattern: '^[a-z][A-Za-z0-9]*$', maxLength: 100 } as const;
export const catalogIds = {
  type: 'array',
  items: { type: 'string', pattern: '^[A-Z][0-9]{1,3}$' },
  uniqueItems: true,
  maxItems: 50,
} as const;
/** Field path into a record: dot-separated property names, e.g. "customer.phone". */
export const fieldPath = { type: 'string', pattern: '^[A-Za-z_$][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$', maxLength: 200 } as const;
export const wallTime = { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$' } as const;
export const localDate = { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' } as const;
