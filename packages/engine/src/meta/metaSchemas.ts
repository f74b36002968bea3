import { calendarMetaSchema } from './calendarMetaSchema.js';
import { formMetaSchema } from './formMetaSchema.js';
import { rolesMetaSchema } from './rolesMetaSchema.js';
import { ruleSetMetaSchema } from './ruleSetMetaSchema.js';

export type PackFileKind = 'form' | 'ruleset' | 'calendar' | 'roles';

/** The published meta-schemas, by file kind; `schemas/meta/<kind>.schema.json` is generated from these. */
export const metaSchemas: Record<PackFileKind, object> = {
  form: formMetaSchema,
  ruleset: ruleSetMetaSchema,
  calendar: calendarMetaSchema,
  roles: rolesMetaSchema,
};

/** The kind a pack file declares in its `$schema` (e.g. "../schemas/meta/ruleset.schema.json"). */
export function kindOfSchemaRef($schema: unknown): PackFileKind | undefined {
  if (typeof $schema !== 'string') return undefined;
  const match = /(?:^|[/:])(form|ruleset|calendar|roles)(?:\.schema\.json)?$/.exec($schema);
  return match?.[1] as PackFileKind | undefined;
}
