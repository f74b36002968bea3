import { kebabId, localDate, localizedText, wallTime } from './common.js';

const intervals = {
  type: 'array',
  maxItems: 24,
  items: { type: 'array', items: [wallTime, wallTime], minItems: 2, maxItems: 2 },
} as const;

const day = {
  type: 'object',
  required: ['date', 'name'],
  additionalProperties: false,
  properties: { date: localDate, name: { $ref: '#/definitions/localizedText' }, hours: { $ref: '#/definitions/intervals' } },
} as const;

/** Meta-schema of a working calendar file (`rules/calendars/*.calendar.json`). */
export const calendarMetaSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'urn:aftersales:meta:calendar',
  title: 'After-sales Policy Studio working calendar',
  type: 'object',
  required: ['id', 'title', 'week'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    id: kebabId,
    title: { $ref: '#/definitions/localizedText' },
    description: { $ref: '#/definitions/localizedText' },
    timeZone: { type: 'string', pattern: '^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$', maxLength: 64 },
    week: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(
        ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, { $ref: '#/definitions/intervals' }]),
      ),
    },
    makeUpHours: { $ref: '#/definitions/intervals' },
    holidays: { type: 'array', maxItems: 2000, items: { $ref: '#/definitions/day' } },
    workdays: { type: 'array', maxItems: 2000, items: { $ref: '#/definitions/day' } },
  },
  definitions: { localizedText, intervals, day },
} as const;
