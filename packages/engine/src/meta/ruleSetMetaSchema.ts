import { camelId, catalogIds, fieldPath, kebabId, localizedText, wallTime } from './common.js';
import { OPERATOR_PATTERN } from '../rules/operators.js';
import { EXPR_TEST_OPS } from '../expr/Expr.js';

/** A due time as tests write it: "YYYY-MM-DD HH:mm[:ss]" local wall time, or with "T" and an offset. */
const DUE_TIME_PATTERN = '^\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2})?$';
const ref = (name: string) => ({ $ref: `#/definitions/${name}` });
const text = ref('localizedText');
const exprList = { type: 'array', items: ref('expr'), minItems: 1, maxItems: 50 };
const exprPair = { type: 'array', items: ref('expr'), minItems: 2, maxItems: 2 };
const only = (key: string, value: object, extra: Record<string, object> = {}) => ({
  type: 'object',
  required: [key],
  additionalProperties: false,
  properties: { [key]: value, ...extra },
});
const common = { priority: { type: 'integer', minimum: 1, maximum: 1000 }, name: { type: 'string', maxLength: 200 } };
const party = only('role', camelId, { personField: fieldPath });

const expr = {
  description: 'Arithmetic and date functions over facts, as data: a number, {fact}, or one operation.',
  oneOf: [
    { type: 'number' },
    only('fact', fieldPath),
    only('add', exprList),
    only('sub', exprPair),
    only('mul', exprList),
    only('div', exprPair),
    only('min', exprList),
    only('max', exprList),
    only('round', ref('expr'), { digits: { type: 'integer', minimum: 0, maximum: 6 } }),
    only('ceil', ref('expr')),
    only('floor', ref('expr')),
    only('count', fieldPath),
    {
      type: 'object',
      required: ['sum', 'field'],
      additionalProperties: false,
      properties: { sum: fieldPath, field: fieldPath, times: fieldPath },
    },
    only('addDays', exprPair),
    only('addMonths', exprPair),
    only('addYears', exprPair),
    only('daysBetween', exprPair),
    only('workingDaysBetween', exprPair, { calendar: kebabId }),
    {
      type: 'object',
      required: ['if', 'then', 'else'],
      additionalProperties: false,
      properties: {
        if: {
          type: 'object',
          required: ['fact', 'op'],
          additionalProperties: false,
          properties: {
            fact: fieldPath,
            op: { enum: [...EXPR_TEST_OPS] },
            value: { type: ['string', 'number', 'boolean'], maxLength: 200 },
          },
        },
        then: ref('expr'),
        else: ref('expr'),
      },
    },
  ],
};

const factCondition = {
  type: 'object',
  required: ['fact', 'operator', 'value'],
  additionalProperties: false,
  properties: {
    fact: fieldPath,
    operator: { type: 'string', pattern: OPERATOR_PATTERN },
    value: {},
    path: { type: 'string', pattern: '^\\$(\\.[A-Za-z_][A-Za-z0-9_]*|\\[[0-9]+\\])*$', maxLength: 200 },
    params: { type: 'object' },
    ...common,
  },
};

const fineParams = {
  type: 'object',
  required: ['payer', 'amount', 'reason'],
  additionalProperties: false,
  properties: { payer: party, amount: ref('expr'), currency: { const: 'CNY' }, reason: text },
};

const eventParams: Record<string, object> = {
  fine: fineParams,
  deadline: {
    type: 'object',
    required: ['key', 'what', 'from', 'limit'],
    additionalProperties: false,
    properties: {
      key: camelId,
      what: text,
      from: fieldPath,
      limit: {
        type: 'object',
        required: ['unit', 'amount'],
        additionalProperties: false,
        properties: {
          unit: { enum: ['workingHours', 'workingDays', 'hours', 'days', 'months', 'endOfWorkingDay', 'dayOfNextMonth'] },
          amount: ref('expr'),
          at: wallTime,
        },
      },
      calendar: kebabId,
      metBy: fieldPath,
      remindMinutesBefore: { type: 'integer', minimum: 1, maximum: 100000 },
      owner: party,
      onBreach: {
        type: 'object',
        additionalProperties: false,
        properties: { fines: { type: 'array', items: fineParams, maxItems: 10 } },
      },
    },
  },
  approval: {
    type: 'object',
    required: ['approver', 'before', 'reason'],
    additionalProperties: false,
    properties: { approver: camelId, before: camelId, reason: text },
  },
  amount: {
    type: 'object',
    required: ['name', 'label', 'value'],
    additionalProperties: false,
    properties: {
      name: camelId,
      label: text,
      value: ref('expr'),
      unit: { enum: ['CNY', 'percent', 'count', 'hours', 'days'] },
    },
  },
  block: {
    type: 'object',
    required: ['message'],
    additionalProperties: false,
    properties: { message: text, before: camelId },
  },
  notify: {
    type: 'object',
    required: ['to', 'message'],
    additionalProperties: false,
    properties: { to: party, message: text },
  },
};

const event = {
  type: 'object',
  required: ['type', 'params'],
  additionalProperties: false,
  properties: { type: { enum: Object.keys(eventParams) }, params: { type: 'object' } },
  allOf: Object.entries(eventParams).map(([type, params]) => ({
    if: { properties: { type: { const: type } } },
    then: { properties: { params } },
  })),
};

const derivedFact = {
  type: 'object',
  required: ['kind', 'label'],
  properties: { kind: { enum: ['workingHours', 'workingDays', 'hours', 'days', 'computed', 'history', 'linked'] }, label: text },
  allOf: [
    {
      if: { properties: { kind: { enum: ['workingHours', 'workingDays', 'hours', 'days'] } } },
      then: {
        required: ['from'],
        additionalProperties: false,
        properties: { kind: {}, label: {}, from: fieldPath, to: fieldPath, calendar: kebabId },
      },
    },
    {
      if: { properties: { kind: { const: 'computed' } } },
      then: { required: ['value'], additionalProperties: false, properties: { kind: {}, label: {}, value: ref('expr') } },
    },
    {
      if: { properties: { kind: { const: 'linked' } } },
      then: {
        required: ['field', 'path', 'type'],
        additionalProperties: false,
        properties: {
          kind: {},
          label: {},
          field: fieldPath,
          path: { anyOf: [fieldPath, { const: '$status' }] },
          type: { enum: ['string', 'number', 'integer', 'boolean'] },
        },
      },
    },
    {
      if: { properties: { kind: { const: 'history' } } },
      then: {
        required: ['type', 'query'],
        additionalProperties: false,
        properties: {
          kind: {},
          label: {},
          type: { enum: ['integer', 'number'] },
          query: {
            type: 'object',
            required: ['aggregate', 'window'],
            additionalProperties: false,
            properties: {
              form: kebabId,
              aggregate: { enum: ['count', 'sum'] },
              field: fieldPath,
              where: {
                type: 'array',
                maxItems: 20,
                items: {
                  type: 'object',
                  required: ['field', 'op', 'value'],
                  additionalProperties: false,
                  properties: { field: fieldPath, op: { enum: ['eq', 'ne', 'lt', 'lte', 'gt', 'gte'] }, value: {} },
                },
              },
              window: {
                type: 'object',
                required: ['unit'],
                additionalProperties: false,
                properties: { unit: { enum: ['week', 'month', 'days'] }, amount: { type: 'integer', minimum: 1, maximum: 3660 } },
              },
              includeSelf: { type: 'boolean' },
            },
          },
        },
      },
    },
  ],
};

/** Meta-schema of a rule set file (`rules/<form>/*.rules.json`): json-rules-engine rules in our envelope. */
export const ruleSetMetaSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'urn:aftersales:meta:ruleset',
  title: 'After-sales Policy Studio rule set',
  type: 'object',
  required: ['id', 'form', 'title', 'rules'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    id: { type: 'string', pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*(\\.[a-z][a-z0-9]*(-[a-z0-9]+)*)*$', maxLength: 150 },
    form: kebabId,
    title: text,
    description: text,
    calendar: kebabId,
    facts: {
      type: 'object',
      maxProperties: 100,
      propertyNames: { pattern: '^\\$?[a-z][A-Za-z0-9]*$' },
      additionalProperties: derivedFact,
    },
    conditions: { type: 'object', maxProperties: 100, additionalProperties: ref('topLevelCondition') },
    conditionTitles: {
      description: 'The names people read for the shared conditions, by condition name (the name itself is a code).',
      type: 'object',
      maxProperties: 100,
      additionalProperties: text,
    },
    rules: {
      type: 'array',
      maxItems: 500,
      items: {
        type: 'object',
        required: ['name', 'title', 'conditions', 'event'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$', maxLength: 100 },
          title: text,
          description: text,
          catalog: catalogIds,
          priority: { type: 'integer', minimum: 1, maximum: 1000 },
          enabled: { type: 'boolean' },
          conditions: ref('topLevelCondition'),
          event,
        },
      },
    },
    tables: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        required: ['id', 'title', 'hitPolicy', 'rules'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$', maxLength: 60 },
          title: text,
          hitPolicy: { enum: ['first', 'collect'] },
          rules: { type: 'array', minItems: 1, maxItems: 200, uniqueItems: true, items: { type: 'string', maxLength: 100 } },
        },
      },
    },
    tests: {
      type: 'array',
      maxItems: 200,
      items: {
        type: 'object',
        required: ['name', 'record', 'now', 'expectFired'],
        additionalProperties: false,
        properties: {
          name: {
            description:
              'What people read, in both languages; one string (files written before names were bilingual) is shown as is in both.',
            // An object must be a text in both languages, anything else one string: each gets only its own errors.
            if: { type: 'object' },
            then: text,
            else: { type: 'string', minLength: 1, maxLength: 200 },
          },
          record: { type: 'object' },
          now: { type: 'string', format: 'date-time' },
          status: camelId,
          history: { type: 'object', additionalProperties: { type: ['number', 'string', 'boolean', 'null'] } },
          expectFired: { type: 'array', items: { type: 'string' }, uniqueItems: true },
          exact: { type: 'boolean' },
          expect: ref('expectedValues'),
        },
      },
    },
  },
  definitions: {
    localizedText,
    expr,
    expectedValues: {
      description:
        'Values the outcome of this rule set must show for the test record. Deadlines and amounts: only the keys listed; fines and approvals: the whole list, in any order.',
      type: 'object',
      additionalProperties: false,
      properties: {
        deadlines: {
          description:
            'Deadline key -> due time: local wall time in the calendar zone ("2025-10-09 16:00"), or ISO with an offset; null = no due time.',
          type: 'object',
          maxProperties: 100,
          propertyNames: { maxLength: 100 },
          additionalProperties: {
            oneOf: [{ type: 'string', pattern: DUE_TIME_PATTERN, maxLength: 40 }, { type: 'null' }],
          },
        },
        amounts: {
          description: 'Computed amount name -> value.',
          type: 'object',
          maxProperties: 100,
          propertyNames: { maxLength: 100 },
          additionalProperties: { type: 'number' },
        },
        fines: {
          description: 'Fines posted by rules and by deadlines breached at "now": payer role and amount.',
          type: 'array',
          maxItems: 100,
          items: {
            type: 'object',
            required: ['payer', 'amount'],
            additionalProperties: false,
            properties: { payer: camelId, amount: { type: 'number' } },
          },
        },
        approvals: { description: 'Policy roles asked to approve, one per approval.', type: 'array', maxItems: 50, items: camelId },
      },
    },
    factCondition,
    topLevelCondition: {
      oneOf: [
        only('all', { type: 'array', items: ref('nestedCondition'), maxItems: 100 }, common),
        only('any', { type: 'array', items: ref('nestedCondition'), maxItems: 100 }, common),
        only('not', ref('nestedCondition'), common),
        only('condition', { type: 'string', minLength: 1, maxLength: 100 }, common),
      ],
    },
    nestedCondition: { oneOf: [ref('topLevelCondition'), ref('factCondition')] },
  },
} as const;
