import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPack } from '../pack/loadPack.js';
import { factCatalog } from '../rules/factCatalog.js';
import type { RuleDefinition, RuleSetFile } from '../rules/RuleSetFile.js';
import { sampleForm, samplePackFiles, sampleRuleSet } from '../testing/samplePack.js';
import { applyDecisionTable } from './applyDecisionTable.js';
import { checkDecisionTable } from './checkDecisionTable.js';
import { formatCell, parseCell } from './cellText.js';
import { describeFinding } from './describeFinding.js';
import { findDecisionTables } from './findDecisionTables.js';
import { readDecisionTable, sameJson } from './readDecisionTable.js';
import type { TableCell } from './TableCell.js';
import { diffTableRows, sheetToTable, tableToSheet } from './tableSheet.js';
import { writeDecisionTable } from './writeDecisionTable.js';

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const fine = (name: string, zone: string, fee: [string, number][], amount: number): RuleDefinition => ({
  name,
  title: t(`罚款 ${name}`, `Fine ${name}`),
  conditions: {
    all: [{ fact: 'zone', operator: 'equal', value: zone }, ...fee.map(([operator, value]) => ({ fact: 'fee', operator, value }))],
  },
  event: { type: 'fine', params: { payer: { role: 'technician' }, amount, reason: t('超额', 'Over the fee') } },
});
const family: RuleDefinition[] = [
  fine('band-1', 'urban', [['lessThan', 100]], 10),
  fine(
    'band-2',
    'urban',
    [
      ['greaterThanInclusive', 100],
      ['lessThan', 500],
    ],
    20,
  ),
  fine('band-3', 'suburban', [], 30),
];
const ruleSet: RuleSetFile = { ...sampleRuleSet, rules: family, tests: [] };
const facts = factCatalog(sampleForm, ruleSet);
const annotation = { id: 'band', title: t('罚款档位', 'Fine bands'), hitPolicy: 'first' as const, rules: family.map((r) => r.name) };

describe('readDecisionTable', () => {
  it('when rules are an "all" of simple comparisons with one outcome shape, then they read as rows with cells and outputs', () => {
    const read = readDecisionTable(ruleSet, annotation);
    expect('table' in read && read.table.rows.map((r) => [r.cells, r.outputs[0]])).toEqual([
      [
        [
          { op: 'eq', value: 'urban' },
          { op: 'lt', value: 100 },
        ],
        10,
      ],
      [
        [
          { op: 'eq', value: 'urban' },
          { op: 'range', min: 100, max: 500, minInclusive: true, maxInclusive: false },
        ],
        20,
      ],
      [[{ op: 'eq', value: 'suburban' }, { op: 'any' }], 30],
    ]);
  });

  it('when a rule has an "any" or a decorator, then the family is not a table and says which rule', () => {
    const odd = { ...family[0]!, conditions: { any: [{ fact: 'zone', operator: 'equal', value: 'urban' }] } };
    expect(readDecisionTable({ rules: [odd, ...family.slice(1)] }, annotation)).toEqual({
      reason: 'rule "band-1" is not an "all" of simple comparisons',
    });
  });

  it('when the outcomes differ in type, then the family is not a table', () => {
    const notify: RuleDefinition = {
      ...family[2]!,
      event: { type: 'notify', params: { to: { role: 'technician' }, message: t('注意', 'Note') } },
    };
    expect(readDecisionTable({ rules: [...family.slice(0, 2), notify] }, annotation)).toEqual({
      reason: 'the rules give outcomes of different types or shapes',
    });
  });
});

describe('findDecisionTables', () => {
  it('when an integrator pushes a family without a table annotation, then it opens as a table and saves with no diff', () => {
    const rules = family.map((r) => ({ ...r, name: `P99-${r.name}`, catalog: ['P99'] }));
    const { tables } = findDecisionTables({ rules });
    expect(tables.map((f) => [f.table.id, f.annotation, f.table.rows.length])).toEqual([['P99', undefined, 3]]);
    expect(writeDecisionTable(tables[0]!.table).rules.every((rule, i) => sameJson(rule, rules[i]))).toBe(true);
  });
});

describe('writeDecisionTable', () => {
  it('when a later row overlaps an earlier one under "first", then only it gets the guard "no earlier overlapping row matched"', () => {
    const read = readDecisionTable(ruleSet, annotation);
    if (!('table' in read)) throw new Error(read.reason);
    const table = {
      ...read.table,
      rows: [
        ...read.table.rows,
        { ...read.table.rows[0]!, name: 'all-urban', cells: [{ op: 'eq', value: 'urban' }, { op: 'any' }] as TableCell[] },
      ],
    };
    const rules = writeDecisionTable(table).rules;
    const allOf = (i: number) => (rules[i]!.conditions as { all: unknown[] }).all;
    expect(rules.slice(0, 3).map((r) => JSON.stringify(r.conditions).includes('"not"'))).toEqual([false, false, false]);
    expect(rules[3]!.conditions).toEqual({
      all: [{ fact: 'zone', operator: 'equal', value: 'urban' }, { not: { any: [{ all: allOf(0) }, { all: allOf(1) }] } }],
    });
    expect(writeDecisionTable({ ...table, hitPolicy: 'collect' }).rules[3]!.conditions).toEqual({
      all: [{ fact: 'zone', operator: 'equal', value: 'urban' }],
    });
  });
});

describe('checkDecisionTable', () => {
  const read = readDecisionTable(ruleSet, annotation);
  if (!('table' in read)) throw new Error(read.reason);
  const { table } = read;
  const words = (findings: ReturnType<typeof checkDecisionTable>, tbl = table) =>
    findings.map((f) => describeFinding(f, tbl, facts)['zh-CN']);

  it('when fees of 500 and more in the city have no row, then that gap is named in words', () => {
    expect(words(checkDecisionTable(table, { facts }))).toEqual([
      '没有任何一行适用于：区域 = 市区，费用 = 500',
      '没有任何一行适用于：区域 = 市区，费用 > 500',
    ]);
  });

  it('when a row is wholly covered by earlier rows under "first", then it is unreachable and overlaps them', () => {
    const covered = {
      ...table,
      rows: [
        ...table.rows,
        {
          ...table.rows[0]!,
          name: 'small',
          cells: [
            { op: 'eq', value: 'urban' },
            { op: 'lt', value: 50 },
          ] as TableCell[],
        },
      ],
    };
    expect(words(checkDecisionTable(covered, { facts }), covered)).toEqual(
      expect.arrayContaining(['第 4 行与第 1 行有重叠：两行都满足时以第 1 行为准', '第 4 行永远不会生效：前面的行已覆盖它的全部情况']),
    );
  });

  it('when an output cell has the wrong type or an unknown role, then it is an error naming the row and column', () => {
    const bad = { ...table, rows: table.rows.map((r, i) => (i === 1 ? { ...r, outputs: ['twenty', ...r.outputs.slice(1)] } : r)) };
    const errors = checkDecisionTable(bad, { facts, roles: ['technician'] }).filter((f) => f.severity === 'error');
    expect(words(errors, bad)).toEqual(['第 2 行的“罚款金额（元）”应为不小于 0 的数字']);
  });
});

describe('cells as text', () => {
  const cell: fc.Arbitrary<TableCell> = fc.oneof(
    fc.constant<TableCell>({ op: 'any' }),
    fc.record({
      op: fc.constantFrom('gt' as const, 'gte' as const, 'lt' as const, 'lte' as const),
      value: fc.integer({ min: -1000, max: 1000 }),
    }),
    fc
      .tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 1000 }), fc.boolean(), fc.boolean())
      .map(([min, span, minInclusive, maxInclusive]): TableCell => ({ op: 'range', min, max: min + span + 1, minInclusive, maxInclusive })),
    fc
      .double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true })
      .map((value): TableCell => ({ op: 'eq', value: Number(value.toFixed(3)) || 0 })),
  );
  it('when any number cell is written in words in either language and read back, then it is the same cell', () => {
    fc.assert(
      fc.property(cell, fc.constantFrom('zh-CN' as const, 'en' as const), (c, locale) => {
        expect(parseCell(formatCell(c, { type: 'number' }, locale), { type: 'number' })).toEqual({ cell: c });
      }),
    );
  });

  it('when an option is typed by its label in either language, then the cell holds its code; an unknown one is refused with the options', () => {
    const zone = facts('zone');
    expect(parseCell('市区、Suburban', zone)).toEqual({ cell: { op: 'in', values: ['urban', 'suburban'] } });
    expect(parseCell('≠ 郊区', zone)).toEqual({ cell: { op: 'ne', value: 'suburban' } });
    expect(parseCell('火星', zone)).toEqual({
      error: { 'zh-CN': '“火星”不是可选项（市区、郊区）', en: "'火星' is not one of the options (Urban, Suburban)" },
    });
    expect(parseCell('[20..10]', { type: 'number' })).toEqual({
      error: expect.objectContaining({ en: 'The range [20..10] has its lower end above its upper end' }),
    });
  });
});

describe('tables as spreadsheets', () => {
  const read = readDecisionTable(ruleSet, annotation);
  if (!('table' in read)) throw new Error(read.reason);
  const { table } = read;
  const roles = { technician: t('技术员', 'Technician') };

  it('when a sheet changes one amount, adds a row and drops one, then the import says so row by row', () => {
    const sheet = tableToSheet(table, { facts, roles, locale: 'zh-CN' });
    expect(sheet[0]).toEqual(['规则名称', '区域', '费用', '罚款金额（元）', '承担人', '原因（中文）', '原因 (English)']);
    sheet[1]![3] = '15';
    sheet.splice(3, 1);
    sheet.push(['大额', '市区', '≥ 500', '50', '技术员', '大额超支', 'Large overrun']);
    const { table: after, errors } = sheetToTable(table, sheet, { facts, roles });
    expect(errors).toEqual([]);
    const diff = diffTableRows(table, after);
    expect([diff.added.map((r) => r.title['zh-CN']), diff.removed.map((r) => r.name), diff.changed.map((c) => c.after.outputs[0])]).toEqual(
      [['大额'], ['band-3'], [15]],
    );
  });

  it('when cells cannot be read, then each is refused with its spreadsheet row and column, and the table is unchanged', () => {
    const sheet = tableToSheet(table, { facts, roles, locale: 'en' });
    sheet[2]![1] = 'Mars';
    sheet[3]![3] = '-5';
    const { table: after, errors } = sheetToTable(table, sheet, { facts, roles });
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [3, 2],
      [4, 4],
    ]);
    expect(after).toBe(table);
  });

  it('when a heading is missing, then the import names the column', () => {
    const sheet = tableToSheet(table, { facts, roles, locale: 'zh-CN' }).map((row) => row.filter((_, i) => i !== 2));
    expect(sheetToTable(table, sheet, { facts, roles }).errors.map((e) => e.message['zh-CN'])).toEqual(['缺少列“费用”']);
  });
});

describe('tables in a pack', () => {
  it('when a table names a missing rule or a rule already in another table, then the pack has problems at the table', () => {
    const rules = { ...ruleSet, tables: [annotation, { ...annotation, id: 'other', rules: ['band-1', 'nope'] }] };
    const { problems } = loadPack(samplePackFiles({ rules }));
    expect(problems.map((p) => [p.pointer, p.code])).toEqual([
      ['/tables/1/rules', 'table.ruleInTwoTables'],
      ['/tables/1', 'table.notATable'],
    ]);
  });
});

describe('applyDecisionTable', () => {
  it('when a table found without an annotation is edited, then its rules are replaced in place and the annotation is added', () => {
    const other: RuleDefinition = { ...family[0]!, name: 'other' };
    const rules = [other, ...family.map((r) => ({ ...r, name: `P99-${r.name}`, catalog: ['P99'] }))];
    const file: RuleSetFile = { ...ruleSet, rules };
    const { table } = findDecisionTables(file).tables[0]!;
    const edited = { ...table, rows: table.rows.slice(1) };
    const next = applyDecisionTable(
      file,
      edited,
      table.rows.map((r) => r.name),
    );
    expect(next.rules.map((r) => r.name)).toEqual(['other', 'P99-band-2', 'P99-band-3']);
    expect(next.tables).toEqual([{ id: 'P99', title: table.title, hitPolicy: table.hitPolicy, rules: ['P99-band-2', 'P99-band-3'] }]);
  });
});
