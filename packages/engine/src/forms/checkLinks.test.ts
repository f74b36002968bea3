import { describe, expect, it } from 'vitest';
import type { FormDefinition } from './FormDefinition.js';
import { checkLinks } from './checkLinks.js';
import { compilePolicy } from '../policy/compilePolicy.js';
import { checkRuleSet } from '../rules/checkRuleSet.js';
import type { RuleSetFile } from '../rules/RuleSetFile.js';

const label = { 'zh-CN': '服务单', en: 'Ticket' };
const ticket: FormDefinition = {
  id: 'ticket',
  title: label,
  schema: { type: 'object', properties: { customer: { type: 'string' } } },
  statusFlow: {
    initial: 'open',
    states: [
      { id: 'open', label },
      { id: 'done', label },
    ],
    transitions: [{ from: 'open', to: 'done' }],
  },
};
const visit = (overrides: Partial<FormDefinition> = {}, linkForm = 'ticket'): FormDefinition => ({
  id: 'visit',
  title: label,
  schema: {
    type: 'object',
    properties: { ticketRef: { type: 'string', 'x-kind': 'link', 'x-linkForm': linkForm }, happy: { type: 'boolean' } },
  },
  statusFlow: { initial: 'planned', states: [{ id: 'planned', label }], transitions: [] },
  ...overrides,
});
const forms = new Map([
  ['ticket', ticket],
  ['visit', visit()],
]);

describe('checkLinks', () => {
  it('when a link field and its moves name known forms, fields and states, then there is no issue', () => {
    const form = visit({
      linkMoves: [{ field: 'ticketRef', status: 'planned', when: { field: 'happy', equals: false }, from: ['done'], to: 'open' }],
    });
    expect(checkLinks(form, forms)).toEqual([]);
  });

  it('when a link names an unknown form, or a move an unknown field, status or state of the linked form, then each is reported where it is', () => {
    expect(checkLinks(visit({}, 'nope'), forms)).toEqual([
      {
        path: ['schema', 'properties', 'ticketRef', 'x-linkForm'],
        code: 'form.unknownLinkForm',
        params: { field: 'ticketRef', form: 'nope' },
      },
    ]);
    const form = visit({
      linkMoves: [{ field: 'ticketRef', status: 'gone', when: { field: 'nope', equals: 1 }, from: ['lost'], to: 'away' }],
    });
    expect(checkLinks(form, forms).map((i) => i.path.join('/'))).toEqual([
      'linkMoves/0/status',
      'linkMoves/0/when/field',
      'linkMoves/0/from/0',
      'linkMoves/0/to',
    ]);
    expect(checkLinks(visit({ linkMoves: [{ field: 'happy', from: ['open'], to: 'done' }] }), forms)[0]).toMatchObject({
      code: 'form.fieldKindExpected',
      params: { kind: 'link' },
    });
  });
});

describe('linked facts', () => {
  const rules: RuleSetFile = {
    id: 'visit.rules',
    form: 'visit',
    title: label,
    facts: { ticketStatus: { kind: 'linked', field: 'ticketRef', path: '$status', type: 'string', label } },
    rules: [
      {
        name: 'open-ticket',
        title: label,
        conditions: { all: [{ fact: 'ticketStatus', operator: 'equal', value: 'open' }] },
        event: { type: 'block', params: { message: label } },
      },
    ],
  };

  it('when a rule set declares a linked fact, then the policy asks the caller for it and the rules read the value given', () => {
    const policy = compilePolicy({ form: visit(), formVersion: 1, ruleSets: [{ definition: rules, version: 1 }], calendars: [] });
    expect(policy.linkedFacts).toEqual([{ ruleSet: 'visit.rules', name: 'ticketStatus', fact: rules.facts!.ticketStatus }]);
    const run = (status: string | null) =>
      policy.run({ ticketRef: 't1' }, { now: '2025-10-09T10:00:00+08:00', history: { 'visit.rules': { ticketStatus: status } } });
    expect(run('open').outcome.blocks).toHaveLength(1);
    expect(run('done').outcome.blocks).toHaveLength(0);
  });

  it('when a linked fact names a field that is no link, or a field the linked form lacks, then the rule set is refused there', () => {
    const context = { forms, calendars: new Set<string>() };
    const bad = (fact: object) =>
      checkRuleSet({ ...rules, facts: { ticketStatus: { ...rules.facts!.ticketStatus, ...fact } as never } }, context);
    expect(bad({})).toEqual([]);
    expect(bad({ field: 'happy' })).toEqual([
      expect.objectContaining({ code: 'rules.notALink', path: ['facts', 'ticketStatus', 'field'] }),
    ]);
    expect(bad({ path: 'price' })).toEqual([
      expect.objectContaining({ code: 'rules.unknownFact', path: ['facts', 'ticketStatus', 'path'] }),
    ]);
  });
});
