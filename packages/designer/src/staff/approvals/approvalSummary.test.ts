import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '@aftersales/engine';
import { approvalSummary } from './approvalSummary';

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
});
