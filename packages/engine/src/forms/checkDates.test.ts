import { describe, expect, it } from 'vitest';
import { checkDates } from './checkDates.js';
import { checkForm } from './checkForm.js';
import type { FormDefinition } from './FormDefinition.js';

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const form: FormDefinition = {
  id: 'job',
  title: t('工单', 'Job'),
  schema: {
    type: 'object',
    properties: {
      callTime: { type: 'string', format: 'date-time', 'x-title': t('来电时间', 'Call time') },
      arrivalTime: { type: 'string', format: 'date-time', 'x-title': t('到场时间', 'Arrival'), 'x-notFuture': true, 'x-after': 'callTime' },
      purchaseDate: { type: 'string', format: 'date', 'x-title': t('购买日期', 'Purchase date'), 'x-notFuture': true },
      visits: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            from: { type: 'string', format: 'date-time', 'x-title': t('开始', 'From') },
            to: { type: 'string', format: 'date-time', 'x-title': t('结束', 'To'), 'x-after': 'from' },
          },
        },
      },
    },
  },
};
const now = new Date('2025-10-09T10:00:00+08:00');
const at = { now, timeZone: 'Asia/Shanghai' };

describe('checkDates', () => {
  it('when times lie in the past, in order, then there is no problem (a minute ahead of the clock is tolerated)', () => {
    expect(
      checkDates(form, { callTime: '2025-10-09T08:00:00+08:00', arrivalTime: '2025-10-09T10:01:00+08:00', purchaseDate: '2025-10-09' }, at),
    ).toEqual([]);
  });

  it('when an arrival is in the future and before the call, a purchase date tomorrow, then each says what is expected', () => {
    const problems = checkDates(
      form,
      { callTime: '2025-10-09T12:00:00+08:00', arrivalTime: '2025-10-09T11:00:00+08:00', purchaseDate: '2025-10-10' },
      at,
    );
    expect(problems.map((p) => [p.pointer, p.message['zh-CN']])).toEqual([
      ['/arrivalTime', '“到场时间”不能晚于现在'],
      ['/arrivalTime', '“到场时间”不能早于“来电时间”'],
      ['/purchaseDate', '“购买日期”不能晚于今天'],
    ]);
    expect(problems[0]!.message.en).toBe('Arrival cannot be later than now');
  });

  it('when a line of a repeating group ends before it starts, then the message names the line', () => {
    const problems = checkDates(
      form,
      {
        visits: [
          { from: '2025-10-01T09:00:00+08:00', to: '2025-10-01T10:00:00+08:00' },
          { from: '2025-10-02T09:00:00+08:00', to: '2025-10-02T08:00:00+08:00' },
        ],
      },
      at,
    );
    expect(problems.map((p) => [p.pointer, p.message['zh-CN'], p.message.en])).toEqual([
      ['/visits/1/to', '第 2 行的“结束”不能早于“开始”', 'To (line 2) cannot be earlier than From'],
    ]);
  });

  it('when x-after names a missing or non-date field, then the form check says so', () => {
    const bad: FormDefinition = {
      ...form,
      schema: {
        type: 'object',
        properties: {
          a: { type: 'string', format: 'date', 'x-after': 'b' },
          c: { type: 'string', format: 'date', 'x-after': 'd' },
          d: { type: 'string' },
        },
      },
    };
    expect(checkForm(bad)).toEqual([
      { path: ['schema', 'properties', 'a', 'x-after'], code: 'form.unknownField', params: { field: 'b' } },
      { path: ['schema', 'properties', 'c', 'x-after'], code: 'form.fieldKindExpected', params: { field: 'd', kind: 'date' } },
    ]);
  });
});
