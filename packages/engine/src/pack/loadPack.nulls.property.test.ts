import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPack } from './loadPack.js';
import { compilePolicy } from '../policy/compilePolicy.js';
import { localizeForm } from '../forms/localizeForm.js';
import { samplePackFiles, sampleCalendar, sampleForm, sampleRuleSet } from '../testing/samplePack.js';

const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
console.log(`loadPack.nulls.property: fast-check seed ${seed} (FC_SEED=${seed} repeats it)`);

/** Sets the value at a path of a copy of `value`, creating objects on the way. */
function withValueAt<T>(value: T, path: readonly (string | number)[], replacement: unknown): T {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string | number, unknown>;
  }
  node[path[path.length - 1]!] = replacement;
  return copy as T;
}

/** Places in a form file where a JSON Schema or a uiSchema entry is expected. */
const formPaths: (string | number)[][] = [
  ['schema', 'properties', 'zone'],
  ['schema', 'properties', 'newField'],
  ['schema', 'properties', 'parts', 'items'],
  ['schema', 'properties', 'parts', 'items', 'properties', 'qty'],
  ['schema', 'properties', 'zone', 'x-enumTitles'],
  ['schema', 'properties', 'zone', 'enum'],
  ['schema', 'definitions'],
  ['schema', 'definitions', 'money'],
  ['schema', 'dependencies'],
  ['schema', 'required'],
  ['uiSchema'],
  ['uiSchema', 'zone'],
  ['uiSchema', 'ui:order'],
  ['statusFlow'],
];
/** Places in a rule set where a condition, a fact or an event is expected. */
const rulePaths: (string | number)[][] = [
  ['rules', 0, 'conditions'],
  ['rules', 0, 'conditions', 'all'],
  ['rules', 0, 'conditions', 'all', 0],
  ['rules', 0, 'event', 'params'],
  ['facts'],
  ['conditions'],
  ['tests'],
];

describe('loadPack with null and other JSON where a schema, uiSchema entry or condition belongs', () => {
  it('when a form schema property is null, then it is a problem pointing at it, not an exception', () => {
    const form = withValueAt(sampleForm, ['schema', 'properties', 'zone'], null);
    const { problems } = loadPack(samplePackFiles({ form }));
    expect(problems.map((p) => p.pointer)).toContain('/schema/properties/zone');
    expect(problems.find((p) => p.pointer === '/schema/properties/zone')?.message['zh-CN']).toBeTruthy();
  });

  it('when items, a nested property or a definition is null, then each is a problem with its pointer', () => {
    for (const path of [
      ['schema', 'properties', 'parts', 'items'],
      ['schema', 'properties', 'parts', 'items', 'properties', 'qty'],
      ['schema', 'definitions', 'money'],
    ]) {
      const { problems } = loadPack(samplePackFiles({ form: withValueAt(sampleForm, path, null) }));
      expect(problems.map((p) => p.pointer)).toContain(`/${path.join('/')}`);
    }
  });

  it('when any JSON is placed where a schema, uiSchema entry or rule part belongs, then loadPack and compilePolicy never throw', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...formPaths.map((path) => ['form', path] as const), ...rulePaths.map((path) => ['rules', path] as const)),
        fc.oneof(fc.constant(null), fc.jsonValue({ maxDepth: 4 })),
        ([file, path], value) => {
          const form = file === 'form' ? withValueAt(sampleForm, path, value) : sampleForm;
          const rules = file === 'rules' ? withValueAt(sampleRuleSet, path, value) : sampleRuleSet;
          const { pack } = loadPack(samplePackFiles({ form, rules }));
          const loadedForm = pack.forms.get(sampleForm.id)?.definition;
          const loadedRules = pack.ruleSets.get(sampleRuleSet.id)?.definition;
          if (loadedForm) localizeForm(loadedForm, 'zh-CN');
          if (loadedForm)
            compilePolicy({
              form: loadedForm,
              formVersion: 1,
              ruleSets: loadedRules ? [{ definition: loadedRules, version: 1 }] : [],
              calendars: [sampleCalendar],
            });
        },
      ),
      { numRuns: 120, seed },
    );
  }, 120_000);
});
