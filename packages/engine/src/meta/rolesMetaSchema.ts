import { camelId, kebabId, localizedText } from './common.js';

/** Meta-schema of the policy roles file (`rules/roles.json`). */
export const rolesMetaSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'urn:aftersales:meta:roles',
  title: 'After-sales Policy Studio policy roles',
  type: 'object',
  required: ['id', 'title', 'roles'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    id: kebabId,
    title: { $ref: '#/definitions/localizedText' },
    roles: {
      type: 'array',
      minItems: 1,
      maxItems: 200,
      items: {
        type: 'object',
        required: ['id', 'label'],
        additionalProperties: false,
        properties: { id: camelId, label: { $ref: '#/definitions/localizedText' } },
      },
    },
  },
  definitions: { localizedText },
} as const;
