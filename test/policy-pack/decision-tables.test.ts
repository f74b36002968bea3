import {
  checkDecisionTable,
  compilePolicy,
  describeFinding,
  factCatalog,
  findDecisionTables,
  sameJson,
  sheetToTable,
  tableToSheet,
  writeDecisionTable,
  type DecisionTable,
  type RuleSetFile,
} from '@aftersales/engine';
import { describe, expect, it } from 'vitest';
import { evaluate, outcomesOf, pack } from './harness.js';

const ruleSetOf = (form: string) => [...pack.ruleSets.values()].filter((r) => r.definition.form === form).map((r) => r.definition);
const tableOf = (id: string): { table: DecisionTable; ruleSet: RuleSetFile } => {
  for (const entry of pack.ruleSets.values()) {
    const found = findDecisionTables(entry.definition).tables.find((t) => t.table.id === id);
    if (found) return { table: found.table, ruleSet: entry.definition };
  }
  throw new Error(`no table ${id}`);
};
const trip = { user: '张三', driver: '李四', departureTime: '2025-10-20T09:00:00+08:00', purpose: '送货' };
const call = {
  ticketNo: 'SH-0930-01',
  customer: { name: '李女士', phone: '13800138000', address: '解放路 18 号' },
  callTime: '2025-09-30T16:00:00+08:00',
  zone: 'urban',
  serviceType: 'repair',
  technician: '王师傅',
};
const roles = Object.fromEntries((pack.roles?.definition.roles ?? []).map((r) => [r.id, r.label]));

describe('the default pack as decision tables', () => {
  for (const id of ['P10', 'T2', 'C1', 'C2', 'A6', 'A11', 'A12', 'T3']) {
    it(`${id} opens as a table, and writing the table back gives exactly the rules of the file`, () => {
      const { table, ruleSet } = tableOf(id);
      expect(table.rows.length).toBeGreaterThan(1);
      const { rules, annotation } = writeDecisionTable(table);
      const original = table.rows.map((row) => ruleSet.rules.find((r) => r.name === row.name));
      expect(rules.every((rule, i) => sameJson(rule, original[i]))).toBe(true);
      expect(annotation).toEqual(ruleSet.tables?.find((t) => t.id === id));
    });

    it(`${id} round-trips through its spreadsheet (Chinese and English headings) unchanged`, () => {
      const { table, ruleSet } = tableOf(id);
      const form = pack.forms.get(ruleSet.form)!.definition;
      const facts = factCatalog(form, ruleSet);
      for (const locale of ['zh-CN', 'en'] as const) {
        const sheet = tableToSheet(table, { facts, roles, locale });
        const back = sheetToTable(table, sheet, { facts, roles });
        expect(back.errors).toEqual([]);
        expect(sameJson(writeDecisionTable(back.table).rules, writeDecisionTable(table).rules)).toBe(true);
      }
    });
  }

  it('P10 as a table: the four shares are its rows, in words, with no output of the wrong type', () => {
    const { table, ruleSet } = tableOf('P10');
    const facts = factCatalog(pack.forms.get(ruleSet.form)!.definition, ruleSet);
    const sheet = tableToSheet(table, { facts, roles, locale: 'zh-CN' });
    expect(sheet[0]).toEqual([
      '规则名称',
      '事故责任',
      '保险后事故费用',
      '占“保险后事故费用”的百分比（%）',
      '承担人',
      '原因（中文）',
      '原因 (English)',
    ]);
    expect(sheet.slice(1).map((row) => [row[1], row[2], row[3]])).toEqual([
      ['次要责任', '> 0', '5'],
      ['同等责任', '> 0', '10'],
      ['主要责任', '> 0', '20'],
      ['私自用车', '> 0', '100'],
    ]);
    expect(checkDecisionTable(table, { facts, roles: Object.keys(roles) }).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('P10 changed in the table: 6% for a minor share and a fifth band give the new amounts when evaluated', async () => {
    const { table, ruleSet } = tableOf('P10');
    const facts = factCatalog(pack.forms.get(ruleSet.form)!.definition, ruleSet);
    const sheet = tableToSheet(table, { facts, roles, locale: 'zh-CN' });
    sheet[1]![3] = '6';
    sheet.push(['交通事故（无事故）', '无事故', '> 0', '1', '司机', '无事故也承担 1%', 'No accident share: 1%']);
    const edited = sheetToTable(table, sheet, { facts, roles });
    expect(edited.errors).toEqual([]);
    const { rules, annotation } = writeDecisionTable(edited.table);
    const changed: RuleSetFile = {
      ...ruleSet,
      rules: [...ruleSet.rules.filter((r) => !table.rows.some((row) => row.name === r.name)), ...rules],
      tables: ruleSet.tables!.map((t) => (t.id === 'P10' ? annotation : t)),
    };
    const form = pack.forms.get(ruleSet.form)!.definition;
    const policy = compilePolicy({
      form,
      formVersion: 1,
      ruleSets: ruleSetOf(ruleSet.form).map((r) => ({ definition: r.id === ruleSet.id ? changed : r, version: 1 })),
      calendars: [...pack.calendars.values()].map((c) => c.definition),
    });
    const fines = async (accidentResponsibility: string) =>
      (
        await policy.evaluate({ ...trip, accidentResponsibility, accidentCostAfterInsurance: 1000 }, { now: '2025-10-21T10:00:00+08:00' })
      ).outcome.fines
        .filter((f) => f.source.catalog.includes('P10'))
        .map((f) => f.amount);
    expect(await fines('minor')).toEqual([60]);
    expect(await fines('main')).toEqual([200]);
    expect(await fines('none')).toEqual([10]);
  });

  it('T3 as a table: 25 units fall in the third band (3 working days), 75 units in the formula row', async () => {
    const { table } = tableOf('T3');
    expect(table.rows.at(-1)!.outputs[0]).toEqual({ fact: 'unitsDays' });
    const record = { ...call, resolution: 'takenBack', workshopInAt: '2025-10-13T09:00:00+08:00' };
    const days = async (unitsReceived: number) =>
      outcomesOf(
        await evaluate('after-sales-record', { ...record, unitsReceived }, { now: '2025-10-13T09:05:00+08:00', status: 'received' }),
        'T3',
      ).deadlines.map((d) => d.limit.amount);
    expect(await days(25)).toEqual([3]);
    expect(await days(75)).toEqual([8]);
  });

  it('when a row overlaps an earlier one under "first", then the checks say which row wins and the stored rule is guarded', async () => {
    const { table, ruleSet } = tableOf('A6');
    const facts = factCatalog(pack.forms.get(ruleSet.form)!.definition, ruleSet);
    const overlapping: DecisionTable = {
      ...table,
      rows: [...table.rows, { ...table.rows[1]!, name: 'A6-any-old', cells: [table.rows[1]!.cells[0]!, { op: 'any' }, { op: 'any' }] }],
    };
    const messages = checkDecisionTable(overlapping, { facts }).map((f) => describeFinding(f, overlapping, facts)['zh-CN']);
    expect(messages).toContain('第 3 行与第 1 行有重叠：两行都满足时以第 1 行为准');
    const guarded = writeDecisionTable(overlapping).rules[2]!.conditions;
    expect(JSON.stringify(guarded)).toContain('"not"');
  });
});
