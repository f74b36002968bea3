import type { LocalizedText } from '../i18n/LocalizedText.js';
import type { FormDefinition } from '../forms/FormDefinition.js';
import { fieldAt, type FieldInfo } from '../forms/fieldAt.js';
import type { RuleSetFile } from './RuleSetFile.js';
import { checkExprTypes, type ExprFactKind } from '../expr/checkExprTypes.js';

/** The reserved fact holding the record's status (an id of the form's status flow). */
export const STATUS_FACT = '$status';

export type FactSource = 'field' | 'derived' | 'history' | 'linked' | 'status';

export interface FactDescriptor extends FieldInfo {
  name: string;
  source: FactSource;
}

export type FactCatalog = (name: string) => FactDescriptor | undefined;

/** What a fact name means for a rule set: a form field, a declared derived/history fact, or `$status` (memoized). */
export function factCatalog(form: FormDefinition, ruleSet: Pick<RuleSetFile, 'facts'>): FactCatalog {
  const statusEnum = form.statusFlow?.states.map((s) => s.id);
  const statusTitles = Object.fromEntries(form.statusFlow?.states.map((s) => [s.id, s.label]) ?? []);
  const cache = new Map<string, FactDescriptor | undefined>();
  const describe = (name: string): FactDescriptor | undefined => {
    if (name === STATUS_FACT) {
      const label: LocalizedText = { 'zh-CN': '状态', en: 'Status' };
      return {
        name,
        path: name,
        type: 'string',
        many: false,
        source: 'status',
        label,
        ...(statusEnum ? { enum: statusEnum, enumTitles: statusTitles } : {}),
      };
    }
    const declared = ruleSet.facts && Object.prototype.hasOwnProperty.call(ruleSet.facts, name) ? ruleSet.facts[name] : undefined;
    if (declared) {
      const source = declared.kind === 'history' || declared.kind === 'linked' ? declared.kind : ('derived' as const);
      if (declared.kind === 'computed') {
        // A computed fact has its formula's type: a date function gives a date (a cycle gives nothing known).
        computing.add(name);
        const { type } = checkExprTypes(declared.value, [], (fact) => (computing.has(fact) ? undefined : exprFactKind(lookup(fact))));
        computing.delete(name);
        const format = type === 'date' ? { format: 'date' } : type === 'dateTime' ? { format: 'date-time' } : {};
        return {
          name,
          path: name,
          type: type === 'number' || type === null ? 'number' : 'string',
          ...format,
          many: false,
          source,
          label: declared.label,
        };
      }
      const type = declared.kind === 'history' || declared.kind === 'linked' ? declared.type : 'number';
      return { name, path: name, type, many: false, source, label: declared.label };
    }
    const field = fieldAt(form.schema, name);
    return field ? { ...field, name, source: 'field' } : undefined;
  };
  const computing = new Set<string>();
  // Looked up on every evaluation (explanations): describe each name once.
  const lookup: FactCatalog = (name) => {
    if (!cache.has(name)) cache.set(name, describe(name));
    return cache.get(name);
  };
  return lookup;
}

export const isNumeric = (d: Pick<FieldInfo, 'type' | 'many'>) => !d.many && (d.type === 'number' || d.type === 'integer');
export const isDateLike = (d: Pick<FieldInfo, 'type' | 'format' | 'many'>) =>
  !d.many && d.type === 'string' && (d.format === 'date' || d.format === 'date-time');

/** What a fact holds as formulas see it: a number, a date, a date-time, a list; undefined when unknown. */
export function exprFactKind(d: FactDescriptor | undefined): ExprFactKind | undefined {
  if (!d) return undefined;
  if (isNumeric(d)) return 'number';
  if (isDateLike(d)) return d.format === 'date' ? 'date' : 'dateTime';
  return d.type === 'array' || d.many ? 'list' : 'other';
}
