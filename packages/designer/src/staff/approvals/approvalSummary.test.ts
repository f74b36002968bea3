import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '@aftersales/engine';
import { approvalSummary, lineNames } from './approvalSummary';

const vehicleUse = {
  schema: {
    type: 'object',
    properties: {
      user: { type: 'string' },
      department: { type: 'string' },
      driver: { type: 'string' },
      departureTime: { type: 'string', format: 'date-time' },
      route: { type: 'string' },
      purpose: { type: 'string' },
      repairCost: { type: 'number', 'x-kind': 'money' },
      passengers: { type: 'object' },
    },
  },
} as unknown as FormDefinition;

describe('what an approval card shows of its record', () => {
  it('when the record has an amount, then it is among the fields shown even past the first six', () => {
    const data = {
      user: '王建华',
      department: '售后',
      driver: '李四',
      departureTime: '2026-12-07T01:00:00.000Z',
      route: '市区',
      purpose: '送货',
      passengers: { count: 2 },
      repairCost: 350,
    };
    expect(approvalSummary(vehicleUse, data, 6).map(([name]) => name)).toEqual([
      'repairCost',
      'user',
      'department',
      'driver',
      'departureTime',
      'route',
    ]);
  });

  it('when nothing is an amount, then the first filled fields show in the record order, empty ones and groups left out', () => {
    expect(approvalSummary(vehicleUse, { user: '', driver: '李四', passengers: { count: 2 }, purpose: '送货' }, 6)).toEqual([
      ['driver', '李四'],
      ['purpose', '送货'],
    ]);
  });

  it('when the form titles its records by some fields, then the card leaves them out (its title reads them)', () => {
    const titled = { ...vehicleUse, recordTitle: ['user', 'route'] } as FormDefinition;
    expect(approvalSummary(titled, { user: '王建华', driver: '李四', route: '市区', repairCost: 350 }, 6)).toEqual([
      ['repairCost', 350],
      ['driver', '李四'],
    ]);
  });
});

describe('how an approval card names a list’s lines', () => {
  const items = {
    properties: {
      kind: { type: 'string', enum: ['new', 'old'] },
      fitter: { type: 'string', 'x-kind': 'person' },
      at: { type: 'string', format: 'date' },
      name: { type: 'string' },
      spec: { type: 'string' },
      qty: { type: 'integer' },
    },
  };
  it('when the lines have names, then the first three are named by their first filled plain text; choices, people, dates and numbers left out', () => {
    const rows = [
      { kind: 'new', fitter: 'wang', at: '2026-12-08', name: '进水阀', qty: 2 },
      { spec: ' 通用 ', qty: 1 },
      { name: '密封圈' },
      { name: '软管' },
    ];
    expect(lineNames(items, rows)).toEqual(['进水阀', '通用', '密封圈']);
  });
  it('when no line has a text, then nothing is named (the card gives the count)', () => {
    expect(lineNames(items, [{ qty: 2 }, null, 'x'])).toEqual([]);
    expect(lineNames(undefined, [{ name: '进水阀' }])).toEqual([]);
  });
});
