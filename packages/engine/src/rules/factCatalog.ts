import type { LocalizedText } from '../i18n/LocalizedText.js';
import type { FormDefinition } from '../forms/FormDefinition.js';
import { fieldAt, type FieldInfo } from '../forms/fieldAt.js';
import type { RuleSetFile } from './RuleSetFile.js';

/** The reserved fact holding the record's status (an id of the form's status flow). */
export const STATUS_FACT = '$status';

export type FactSource = 'field' | 'derived' | 'history' | 'status';

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
      const type = declared.kind === 'history' ? declared.type : 'number';
      return { name, path: name, type, many: false, source: declared.kind === 'history' ? 'history' : 'derived', label: declared.label };
    }
    const field = fieldAt(form.schema, name);
    return field ? { ...field, name, source: 'field' } : undefined;
  };
  // Looked up on every evaluation (explanations): describe each name once.
  return (name) => {
    if (!cache.has(name)) cache.set(name, describe(name));
    return cache.get(name);
  };
}

export const isNumeric = (d: Pick<FieldInfo, 'type' | 'many'>) => !d.many && (d.type === 'number' || d.type === 'integer');
export const isDateLike = (d: Pick<FieldInfo, 'type' | 'format' | 'many'>) =>
  !d.many && d.type === 'string' && (d.format === 'date' || d.format === 'date-time');
