import { STATUS_FACT, type FormDefinition, type LinkedFact, type LocalizedText, type RecordSchema } from '@aftersales/engine';
import { defaultFactLabel } from './factModel';
import { isGivenName } from './factNaming';

/** A link field of the rule set's form: its name, its label and the form it links to. */
export interface LinkField {
  name: string;
  label: LocalizedText;
  form: string;
}

/** A value of the linked record a fact can read: a field (dot path) or the record's status, with the fact's type. */
export interface LinkedValue {
  path: string;
  label: LocalizedText;
  type: LinkedFact['type'];
  /** Choice fields and the status: the values and their labels. */
  options?: { value: string; label: LocalizedText }[];
}

const STATUS_LABEL: LocalizedText = { 'zh-CN': '状态', en: 'Status' };

/** The form's link fields (top level, `x-kind: link` naming a form). */
export function linkFields(form: FormDefinition | null): LinkField[] {
  return Object.entries(form?.schema.properties ?? {}).flatMap(([name, node]) =>
    node['x-kind'] === 'link' && typeof node['x-linkForm'] === 'string' && node['x-linkForm'] !== ''
      ? [{ name, label: node['x-title'] ?? { 'zh-CN': name, en: name }, form: node['x-linkForm'] }]
      : [],
  );
}

/**
 * What a linked fact can read of a record of `target`: its status (when the form has a flow), then
 * every text, number or yes/no field outside repeating lines (fields of groups by their dot path).
 */
export function linkedValues(target: FormDefinition | undefined): LinkedValue[] {
  if (!target) return [];
  const out: LinkedValue[] = [];
  if (target.statusFlow)
    out.push({
      path: STATUS_FACT,
      label: STATUS_LABEL,
      type: 'string',
      options: target.statusFlow.states.map((s) => ({ value: s.id, label: s.label })),
    });
  const walk = (node: RecordSchema, prefix: string, outer: LocalizedText | undefined) => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const path = prefix ? `${prefix}.${key}` : key;
      const own = child['x-title'] ?? { 'zh-CN': key, en: key };
      const label = outer ? { 'zh-CN': `${outer['zh-CN']} / ${own['zh-CN']}`, en: `${outer.en} / ${own.en}` } : own;
      const type = Array.isArray(child.type) ? child.type.find((t) => t !== 'null') : child.type;
      if (type === 'object') walk(child, path, label);
      else if (type === 'string' || type === 'number' || type === 'integer' || type === 'boolean') {
        const value: LinkedValue = { path, label, type };
        if (Array.isArray(child.enum))
          value.options = child.enum.map((v) => ({
            value: String(v),
            label: child['x-enumTitles']?.[String(v)] ?? { 'zh-CN': String(v), en: String(v) },
          }));
        out.push(value);
      }
    }
  };
  walk(target.schema, '', undefined);
  return out;
}

/** The label a linked fact takes from what it reads ("服务单的状态"). */
export function linkedLabel(link: LinkField | undefined, value: LinkedValue | undefined): LocalizedText {
  if (!link || !value) return defaultFactLabel('linked');
  return { 'zh-CN': `${link.label['zh-CN']}的${value.label['zh-CN']}`, en: `${link.label.en}: ${value.label.en}` };
}

/**
 * Whether the fact's label is one the editor gave it (then it follows the picks), not one a person
 * typed: a new fact's name (numbered when another fact has it, named in Chinese only), or the name
 * its picks gave it.
 */
function labelIsAutomatic(fact: LinkedFact, link: LinkField | undefined, value: LinkedValue | undefined): boolean {
  return isGivenName('linked', fact.label) || fact.label['zh-CN'] === linkedLabel(link, value)['zh-CN'];
}

/**
 * The fact reading another link field: it keeps what it reads when the new linked form has it,
 * else the record's status, else its first value; its type follows.
 */
export function setLinkField(
  fact: LinkedFact,
  link: LinkField,
  target: FormDefinition | undefined,
  links: readonly LinkField[],
  previous: FormDefinition | undefined,
): LinkedFact {
  const values = linkedValues(target);
  const value = values.find((v) => v.path === fact.path) ?? values[0];
  const before = linkedValues(previous).find((v) => v.path === fact.path);
  const automatic = labelIsAutomatic(
    fact,
    links.find((l) => l.name === fact.field),
    before,
  );
  return {
    ...fact,
    field: link.name,
    path: value?.path ?? STATUS_FACT,
    type: value?.type ?? 'string',
    label: automatic ? linkedLabel(link, value) : fact.label,
  };
}

/** The fact reading another value of the linked record; its type follows the picked field. */
export function setLinkedPath(fact: LinkedFact, path: string, target: FormDefinition | undefined, link: LinkField | undefined): LinkedFact {
  const values = linkedValues(target);
  const value = values.find((v) => v.path === path);
  if (!value) return fact;
  const before = values.find((v) => v.path === fact.path);
  const automatic = labelIsAutomatic(fact, link, before);
  return { ...fact, path, type: value.type, label: automatic ? linkedLabel(link, value) : fact.label };
}
