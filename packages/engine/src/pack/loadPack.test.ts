import { describe, expect, it } from 'vitest';
import { loadPack } from './loadPack.js';
import { samplePackFiles, sampleRuleSet, sampleForm } from '../testing/samplePack.js';

const codes = (files: Parameters<typeof loadPack>[0]) => loadPack(files).problems.map((p) => `${p.file} ${p.pointer} ${p.code}`);

describe('loadPack', () => {
  it('when every file is right, then there is no problem and the pack holds them all', () => {
    const { pack, problems } = loadPack(samplePackFiles());
    expect(problems).toEqual([]);
    expect([...pack.forms.keys()]).toEqual(['repair-call']);
    expect([...pack.ruleSets.keys()]).toEqual(['repair-call.policy']);
    expect([...pack.calendars.keys()]).toEqual(['office']);
    expect(pack.roles?.definition.roles).toHaveLength(2);
  });

  it('when a file is not JSON, then the problem has its line and column, and the other files still load', () => {
    const files = samplePackFiles();
    files[2] = { path: 'rules/calendars/office.calendar.json', text: '{\n  "id": "office",\n  "week": {,\n}' };
    const { pack, problems } = loadPack(files);
    expect(problems[0]).toMatchObject({ file: 'rules/calendars/office.calendar.json', code: 'json.syntax', line: 3, column: 12 });
    expect(pack.forms.size).toBe(1);
    // The rule set names the broken calendar, so it is refused with its own problem.
    expect(problems.some((p) => p.code === 'rules.unknownCalendar' && p.pointer === '/calendar')).toBe(true);
  });

  it('when a rule names an unknown fact, operator, option and role, then each is reported at its pointer and line', () => {
    const rules = structuredClone(sampleRuleSet);
    rules.rules[1]!.conditions = {
      all: [
        { fact: 'feee', operator: 'greaterThan', value: 1 },
        { fact: 'fee', operator: 'someFact:greaterThan', value: 1 },
        { fact: 'zone', operator: 'equal', value: 'downtown' },
        { fact: 'zone', operator: 'greaterThan', value: 1 },
        { fact: 'fee', operator: 'equal', value: 'cheap' },
      ],
    };
    rules.rules[1]!.event = { type: 'approval', params: { approver: 'ceo', before: 'shipped', reason: { 'zh-CN': 'x', en: 'x' } } };
    const { problems } = loadPack(samplePackFiles({ rules }));
    const found = problems.map((p) => [p.pointer, p.code]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['/rules/1/conditions/all/0/fact', 'rules.unknownFact'],
        ['/rules/1/conditions/all/2/value', 'rules.unknownEnumValue'],
        ['/rules/1/conditions/all/1/operator', 'rules.operatorType'],
        ['/rules/1/conditions/all/3/operator', 'rules.operatorType'],
        ['/rules/1/conditions/all/4/value', 'rules.valueType'],
        ['/rules/1/event/params/approver', 'rules.unknownRole'],
        ['/rules/1/event/params/before', 'rules.unknownStatus'],
      ]),
    );
    for (const p of problems) {
      expect(p.line).toBeGreaterThan(1);
      expect(p.message['zh-CN']).not.toBe('');
      expect(p.message.en).not.toBe('');
    }
  });

  it('when an operator is unknown, then the meta-schema reports just that place', () => {
    const rules = structuredClone(sampleRuleSet);
    rules.rules[1]!.conditions = { all: [{ fact: 'fee', operator: 'bigger', value: 1 }] };
    const { problems } = loadPack(samplePackFiles({ rules }));
    expect(problems.map((p) => [p.pointer, p.code])).toEqual([['/rules/1/conditions/all/0/operator', 'meta.invalid']]);
    expect(problems[0]!.message.en).toMatch(/pattern/);
  });

  it('when two rules share a name and a shared condition refers to itself, then both are reported', () => {
    const rules = structuredClone(sampleRuleSet);
    rules.rules[1]!.name = 'arrive-urban';
    rules.conditions = { loop: { all: [{ condition: 'loop' }] } };
    expect(codes(samplePackFiles({ rules }))).toEqual(
      expect.arrayContaining([
        'rules/repair-call/policy.rules.json /rules/1/name rules.duplicateRuleName',
        'rules/repair-call/policy.rules.json /conditions/loop rules.conditionCycle',
      ]),
    );
  });

  it('when a form has an option without labels and a transition to an unknown state, then both are reported', () => {
    const form = structuredClone(sampleForm);
    (form.schema.properties!.zone!.enum as string[]).push('rural');
    form.statusFlow!.transitions.push({ from: 'closed', to: 'archived' });
    expect(codes(samplePackFiles({ form }))).toEqual(
      expect.arrayContaining([
        'schemas/repair-call.form.json /schema/properties/zone/enum/2 form.missingEnumTitle',
        'schemas/repair-call.form.json /statusFlow/transitions/2/to form.unknownState',
        'schemas/repair-call.form.json /statusFlow/transitions/2/from form.transitionFromFinal',
      ]),
    );
  });

  it('when a file names no known $schema, then it is reported as an unknown kind', () => {
    expect(codes([{ path: 'x.json', text: '{"$schema": "http://example.com/other.json"}' }])).toEqual(['x.json /$schema file.unknownKind']);
  });

  it('when a file has a __proto__ key, deep nesting or is too large, then it is refused without polluting anything', () => {
    const deep = '['.repeat(500) + ']'.repeat(500);
    const problems = loadPack([
      { path: 'proto.json', text: '{"$schema": "form", "__proto__": {"polluted": true}}' },
      { path: 'deep.json', text: deep },
      { path: 'big.json', text: JSON.stringify({ filler: 'x'.repeat(2_000_000) }) },
    ]).problems;
    expect(problems.map((p) => p.code)).toEqual(['json.forbiddenKey', 'json.tooDeep', 'json.tooLarge']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('when a published pack is given as base, then a pushed rule set is checked against its form', () => {
    const base = loadPack(samplePackFiles()).pack;
    const rules = { ...sampleRuleSet, id: 'repair-call.extra' };
    const { pack, problems } = loadPack([{ path: 'extra.rules.json', text: JSON.stringify(rules) }], { base });
    expect(problems).toEqual([]);
    expect(pack.ruleSets.has('repair-call.extra')).toBe(true);
  });
});
