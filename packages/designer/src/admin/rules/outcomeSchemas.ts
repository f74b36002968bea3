import { metaSchemas, OUTCOME_TYPES, type LocalizedText, type OutcomeType } from '@aftersales/engine';

type Schema = Record<string, unknown>;

/** Choices the outcome forms offer: policy roles, the form's statuses and fields, calendars. */
export interface OutcomeChoices {
  roles: { id: string; label: LocalizedText }[];
  statuses: { id: string; label: LocalizedText }[];
  /** Date and date-time fields (deadline start and "met by"). */
  dateFields: { name: string; label: LocalizedText }[];
  /** Text fields that can name a person (payer, owner). */
  personFields: { name: string; label: LocalizedText }[];
  calendars: { id: string; label: LocalizedText }[];
}

/** The params schema of each outcome type, as the rule-set meta-schema publishes it. */
export function outcomeParamSchemas(): Record<OutcomeType, Schema> {
  const rules = (metaSchemas.ruleset as { properties: { rules: { items: { properties: { event: { allOf: Schema[] } } } } } }).properties
    .rules;
  const entries = rules.items.properties.event.allOf.map((entry) => {
    const type = ((entry.if as Schema).properties as { type: { const: OutcomeType } }).type.const;
    return [type, ((entry.then as Schema).properties as { params: Schema }).params] as const;
  });
  return Object.fromEntries(entries) as Record<OutcomeType, Schema>;
}

export { OUTCOME_TYPES };

/**
 * The params schema made into a form an admin fills: both-language texts as two inputs, roles,
 * statuses, fields and calendars as choices, amounts (expressions) through the amount editor.
 * Returns the schema and the uiSchema; validation stays that of the meta-schema.
 */
export function outcomeForm(
  type: OutcomeType,
  choices: OutcomeChoices,
  words: (key: string) => string,
  pick: (text: LocalizedText) => string,
): { schema: Schema; uiSchema: Schema } {
  const params = outcomeParamSchemas()[type];
  const uiSchema: Schema = {};
  const schema = transform(params, [], uiSchema, { choices, words, pick });
  return { schema, uiSchema };
}

interface Ctx {
  choices: OutcomeChoices;
  words: (key: string) => string;
  pick: (text: LocalizedText) => string;
}

function transform(node: Schema, path: string[], ui: Schema, ctx: Ctx): Schema {
  const name = path.at(-1) ?? '';
  // A deadline's limit.amount is a length of time, not money.
  const title = name === 'amount' && path.at(-2) === 'limit' ? ctx.words('limitAmount') : ctx.words(name);
  const ref = node.$ref as string | undefined;
  if (ref === '#/definitions/localizedText')
    return {
      type: 'object',
      title: ctx.words(name),
      required: ['zh-CN', 'en'],
      properties: {
        'zh-CN': { type: 'string', minLength: 1, title: ctx.words('zh') },
        en: { type: 'string', minLength: 1, title: ctx.words('en') },
      },
    };
  if (ref === '#/definitions/expr') {
    uiAt(ui, path)['ui:field'] = 'expr';
    return { title };
  }
  const copy: Schema = { ...node, title };
  const choose = (list: [string, string][]) => withChoices(uiAt(ui, path), list);
  if (name === 'role' || name === 'approver') choose(ctx.choices.roles.map((r) => [r.id, ctx.pick(r.label)]));
  if (name === 'before') choose(ctx.choices.statuses.map((s) => [s.id, ctx.pick(s.label)]));
  if (name === 'from' || name === 'metBy') choose(ctx.choices.dateFields.map((f) => [f.name, ctx.pick(f.label)]));
  if (name === 'personField') choose(ctx.choices.personFields.map((f) => [f.name, ctx.pick(f.label)]));
  if (name === 'calendar') choose(ctx.choices.calendars.map((c) => [c.id, ctx.pick(c.label)]));
  if (name === 'unit' && Array.isArray(node.enum))
    uiAt(ui, path)['ui:enumNames'] = (node.enum as string[]).map((u) => ctx.words(`unit.${u}`));
  if (node.properties) {
    copy.properties = Object.fromEntries(
      Object.entries(node.properties as Record<string, Schema>).map(([key, child]) => [key, transform(child, [...path, key], ui, ctx)]),
    );
  }
  if (node.items && !Array.isArray(node.items)) copy.items = transform(node.items as Schema, [...path, 'items'], ui, ctx);
  if (name === 'currency') uiAt(ui, path)['ui:widget'] = 'hidden';
  return copy;
}

/** Offers the known ids in a select (the `choice` widget); a value outside them (typed in the JSON view) is kept and shown. */
function withChoices(ui: Schema, choices: [string, string][]): void {
  ui['ui:widget'] = 'choice';
  ui['ui:options'] = { choices };
}

function uiAt(ui: Schema, path: string[]): Schema {
  let node = ui;
  for (const key of path) {
    node[key] ??= {};
    node = node[key] as Schema;
  }
  return node;
}
