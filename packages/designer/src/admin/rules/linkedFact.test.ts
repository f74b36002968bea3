import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FormDefinition, LinkedFact, RuleSetFile } from '@aftersales/engine';
import { factOptions } from './factOptions';
import { newFact } from './factModel';
import { namedNewFact } from './factNaming';
import { linkedLabel, linkedValues, linkFields, setLinkedPath, setLinkField } from './linkedFact';

const read = <T>(path: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`../../../../../${path}`, import.meta.url)), 'utf8')) as T;
const visit = read<FormDefinition>('schemas/return-visit.form.json');
const ticket = read<FormDefinition>('schemas/after-sales-record.form.json');
const rules = read<RuleSetFile>('rules/return-visit/visits.rules.json');
const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

describe('linkFields', () => {
  it('when the return visit is read, then its ticket link field is offered by its label with the form it links to', () => {
    expect(linkFields(visit)).toEqual([{ name: 'ticketRef', label: t('服务单', 'Service ticket'), form: 'after-sales-record' }]);
    expect(linkFields(ticket)).toEqual([]);
  });
});

describe('linkedValues', () => {
  it('when the linked form is the service record, then its status comes first with its states, then its plain fields with their types', () => {
    const values = linkedValues(ticket);
    expect(values[0]).toMatchObject({ path: '$status', type: 'string', label: t('状态', 'Status') });
    expect(values[0]!.options!.length).toBe(ticket.statusFlow!.states.length);
    expect(values.find((v) => v.path === 'hasMaintenanceContract')).toEqual({
      path: 'hasMaintenanceContract',
      label: t('有保养合同', 'Maintenance contract in force'),
      type: 'boolean',
    });
    // Lines (arrays) are not one value of the record.
    expect(values.every((v) => ['string', 'number', 'integer', 'boolean'].includes(v.type))).toBe(true);
  });
});

describe('editing a linked fact', () => {
  const link = linkFields(visit)[0]!;

  it('when a linked fact is added to the return visit rules, then it reads the status of the ticket', () => {
    expect(newFact('linked', { dateFields: [], numericFacts: [], linkFields: ['ticketRef'] })).toMatchObject({
      kind: 'linked',
      field: 'ticketRef',
      path: '$status',
      type: 'string',
    });
  });

  it('when the linked field is picked, then the type follows it and a label not typed by hand follows the picks', () => {
    const fresh = newFact('linked', { dateFields: [], numericFacts: [], linkFields: ['ticketRef'] }) as LinkedFact;
    const contract = setLinkedPath(fresh, 'hasMaintenanceContract', ticket, link);
    expect(contract).toEqual({
      kind: 'linked',
      field: 'ticketRef',
      path: 'hasMaintenanceContract',
      type: 'boolean',
      label: t('服务单的有保养合同', 'Service ticket: Maintenance contract in force'),
    });
    const status = setLinkedPath(contract, '$status', ticket, link);
    expect(status).toMatchObject({ path: '$status', type: 'string', label: linkedLabel(link, linkedValues(ticket)[0]) });
  });

  it('when a second linked fact is added in the facts tab (named in Chinese only, numbered), then its label follows the picks too', () => {
    const first = namedNewFact('linked', {}, { dateFields: [], numericFacts: [], linkFields: ['ticketRef'] });
    const second = namedNewFact('linked', { [first.name]: first.fact }, { dateFields: [], numericFacts: [], linkFields: ['ticketRef'] });
    expect(second.fact.label).toEqual(t('关联记录的值2', '关联记录的值2'));
    const contract = setLinkedPath(second.fact as LinkedFact, 'hasMaintenanceContract', ticket, link);
    expect(contract.label['zh-CN']).toBe('服务单的有保养合同');
  });

  it('when the fact has a label typed by hand, then a new pick keeps it', () => {
    const named: LinkedFact = { ...rules.facts!.ticketHasContract! } as LinkedFact;
    const status = setLinkedPath(named, '$status', ticket, link);
    expect(status).toMatchObject({
      path: '$status',
      type: 'string',
      label: t('服务单有保养合同', 'Ticket: maintenance contract in force'),
    });
  });

  it('when a value the linked form does not have is picked, then the fact is unchanged', () => {
    const named = rules.facts!.ticketStatus as LinkedFact;
    expect(setLinkedPath(named, 'nothing', ticket, link)).toBe(named);
  });

  it('when the link field is picked again, then the fact keeps what it reads where the linked form has it', () => {
    const named = rules.facts!.ticketHasContract as LinkedFact;
    expect(setLinkField(named, link, ticket, [link], ticket)).toEqual(named);
  });
});

describe('factOptions of linked facts', () => {
  it('when the rules offer facts, then a yes/no linked fact is a yes/no and the ticket status offers its states by label', () => {
    const options = factOptions(visit, rules, new Map([['after-sales-record', ticket]]));
    expect(options.find((o) => o.name === 'ticketHasContract')).toMatchObject({
      kind: 'boolean',
      label: rules.facts!.ticketHasContract!.label,
    });
    const status = options.find((o) => o.name === 'ticketStatus')!;
    expect(status.kind).toBe('choice');
    expect(status.options!.map((o) => o.value)).toEqual(ticket.statusFlow!.states.map((s) => s.id));
    // Without the linked form at hand the status is still text, not a number.
    expect(factOptions(visit, rules).find((o) => o.name === 'ticketStatus')!.kind).toBe('string');
  });
});
