import { camelId, catalogIds, kebabId, localizedText } from './common.js';

/** Meta-schema of a form definition file (`schemas/*.form.json`). */
export const formMetaSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'urn:aftersales:meta:form',
  title: 'After-sales Policy Studio form definition',
  type: 'object',
  required: ['id', 'title', 'schema'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    id: kebabId,
    title: { $ref: '#/definitions/localizedText' },
    description: { $ref: '#/definitions/localizedText' },
    catalog: catalogIds,
    filledBy: { type: 'array', items: camelId, uniqueItems: true, maxItems: 50 },
    recordTitle: {
      description: 'Fields (dot paths) whose values name a record to people, e.g. ticket no. and customer.',
      type: 'array',
      items: { type: 'string', minLength: 1, maxLength: 200 },
      uniqueItems: true,
      maxItems: 3,
    },
    schema: {
      description: 'JSON Schema (draft-07) of the record data; the root is an object.',
      type: 'object',
      required: ['type', 'properties'],
      properties: {
        $schema: { const: 'http://json-schema.org/draft-07/schema#' },
        type: { const: 'object' },
        properties: { type: 'object', maxProperties: 500 },
      },
    },
    uiSchema: { type: 'object' },
    statusFlow: {
      type: 'object',
      required: ['initial', 'states', 'transitions'],
      additionalProperties: false,
      properties: {
        initial: camelId,
        states: {
          type: 'array',
          minItems: 1,
          maxItems: 50,
          items: {
            type: 'object',
            required: ['id', 'label'],
            additionalProperties: false,
            properties: { id: camelId, label: { $ref: '#/definitions/localizedText' }, final: { type: 'boolean' } },
          },
        },
        transitions: {
          type: 'array',
          maxItems: 500,
          items: {
            type: 'object',
            required: ['from', 'to'],
            additionalProperties: false,
            properties: { from: camelId, to: camelId, label: { $ref: '#/definitions/localizedText' }, stamp: camelId },
          },
        },
      },
    },
    fieldAccess: {
      description: 'Who may change which fields: in the listed states (all when absent), only the listed policy roles.',
      type: 'array',
      maxItems: 200,
      items: {
        type: 'object',
        required: ['fields', 'editableBy'],
        additionalProperties: false,
        properties: {
          fields: {
            type: 'array',
            minItems: 1,
            maxItems: 500,
            uniqueItems: true,
            items: { type: 'string', pattern: '^[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*$', maxLength: 200 },
          },
          editableBy: { type: 'array', items: camelId, minItems: 1, maxItems: 50, uniqueItems: true },
          inStates: { type: 'array', items: camelId, minItems: 1, maxItems: 50, uniqueItems: true },
        },
      },
    },
    assignment: {
      description:
        'Dispatch: the person field naming the assignee, the policy roles who may dispatch, the date-time field dispatch stamps.',
      type: 'object',
      required: ['field', 'dispatchers'],
      additionalProperties: false,
      properties: {
        field: camelId,
        dispatchers: { type: 'array', items: camelId, minItems: 1, maxItems: 50, uniqueItems: true },
        stamp: camelId,
      },
    },
    numbering: {
      description: 'Automatic numbering: the text field filled on create and its format, e.g. SH-{date}-{seq:3}.',
      type: 'object',
      required: ['field', 'format'],
      additionalProperties: false,
      properties: {
        field: camelId,
        format: { type: 'string', minLength: 1, maxLength: 60, pattern: '^[^{}]*(\\{(date|seq(:[1-9])?)\\}[^{}]*)+$' },
      },
    },
    linkMoves: {
      description:
        'Moves of linked records: when this record is in `status` and `when.field` equals `when.equals`, the record its link field names moves from one of `from` to `to`.',
      type: 'array',
      maxItems: 20,
      items: {
        type: 'object',
        required: ['field', 'from', 'to'],
        additionalProperties: false,
        properties: {
          field: camelId,
          status: camelId,
          when: {
            type: 'object',
            required: ['field', 'equals'],
            additionalProperties: false,
            properties: {
              field: camelId,
              equals: { type: ['string', 'number', 'boolean'] },
            },
          },
          from: { type: 'array', items: camelId, minItems: 1, maxItems: 50, uniqueItems: true },
          to: camelId,
        },
      },
    },
    sections: {
      description: 'Groups of top-level fields shown together under a heading.',
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        required: ['id', 'label', 'fields'],
        additionalProperties: false,
        properties: {
          id: camelId,
          label: { $ref: '#/definitions/localizedText' },
          fields: { type: 'array', items: camelId, maxItems: 500, uniqueItems: true },
        },
      },
    },
    steps: {
      description: 'Per status, the sections its step shows first (the others collapsed).',
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        required: ['status', 'sections'],
        additionalProperties: false,
        properties: {
          status: camelId,
          sections: { type: 'array', items: camelId, maxItems: 50, uniqueItems: true },
        },
      },
    },
  },
  definitions: { localizedText },
} as const;
