import { recordFieldsRead, type CalendarFile, type Pack, type PolicyInput, type RuleSetFile } from '@aftersales/engine';
import { contentHash } from '../contentHash.js';
import { DEFAULT_TIME_ZONE } from '../recordDateFilter.js';
import { changedRules } from './changedRules.js';
import type { ImpactPlan } from './ImpactPlan.js';

const same = (a: unknown, b: unknown) => (a === undefined || b === undefined ? a === b : contentHash(a) === contentHash(b));

function ruleSetsOf(pack: Pack, formId: string): Map<string, RuleSetFile> {
  const map = new Map<string, RuleSetFile>();
  for (const [id, entry] of pack.ruleSets) if (entry.definition.form === formId) map.set(id, entry.definition);
  return map;
}

/**
 * The forms a draft can change and how to replay each: a form whose definition, rule sets or the
 * calendars changed. With only rule sets changed, just those rule sets are run on both sides, and
 * within them just the rules that differ when nothing they share changed (`changedRules`).
 */
export function impactPlans(published: Pack, draft: Pack): ImpactPlan[] {
  const calendarsChanged = [...new Set([...published.calendars.keys(), ...draft.calendars.keys()])].some(
    (id) => !same(published.calendars.get(id)?.definition, draft.calendars.get(id)?.definition),
  );
  const calendars = (pack: Pack): CalendarFile[] => [...pack.calendars.values()].map((c) => c.definition);
  const plans: ImpactPlan[] = [];
  for (const [formId, formEntry] of draft.forms) {
    const before = ruleSetsOf(published, formId);
    const after = ruleSetsOf(draft, formId);
    const publishedForm = published.forms.get(formId)?.definition;
    const formChanged = !same(publishedForm, formEntry.definition);
    const changedRuleSets = [...new Set([...before.keys(), ...after.keys()])].filter((id) => !same(before.get(id), after.get(id)));
    if (!formChanged && !calendarsChanged && changedRuleSets.length === 0) continue;
    const wanted = formChanged || calendarsChanged ? null : new Set(changedRuleSets);
    const input = (form: typeof publishedForm, ruleSets: Map<string, RuleSetFile>, pack: Pack): PolicyInput | null =>
      form
        ? {
            form,
            formVersion: 0,
            ruleSets: [...ruleSets]
              .filter(([id]) => wanted === null || wanted.has(id))
              .map(([, definition]) => ({ definition, version: 0 })),
            calendars: calendars(pack),
          }
        : null;
    if (wanted !== null)
      for (const id of changedRuleSets) {
        const [b, a] = [before.get(id), after.get(id)];
        if (!b || !a) continue;
        const cut = changedRules(b, a);
        before.set(id, cut.before);
        after.set(id, cut.after);
      }
    const afterInput = input(formEntry.definition, after, draft)!;
    const beforeInput = input(publishedForm, before, published);
    const zoneOf = (ruleSet: RuleSetFile | undefined) =>
      (ruleSet?.calendar ? draft.calendars.get(ruleSet.calendar)?.definition.timeZone : undefined) ?? DEFAULT_TIME_ZONE;
    const ruleSetDefs = [...afterInput.ruleSets, ...(beforeInput?.ruleSets ?? [])].map((r) => r.definition);
    const fields = recordFieldsRead(ruleSetDefs);
    plans.push({
      key: contentHash({ before: beforeInput, after: afterInput }),
      formId,
      before: beforeInput,
      after: afterInput,
      timeZone: zoneOf([...after.values()][0]),
      needsHistory: ruleSetDefs.some((r) => Object.values(r.facts ?? {}).some((f) => f.kind === 'history' || f.kind === 'linked')),
      ...(fields ? { fields } : {}),
    });
  }
  return plans;
}
