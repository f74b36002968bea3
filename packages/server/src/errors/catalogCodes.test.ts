import { describe, expect, it } from 'vitest';
import { serverErrorMessage, type ServerErrorCode } from '@aftersales/contract';
import type { FormDefinition } from '@aftersales/engine';
import { passwordProblem } from '../auth/passwordPolicy.js';
import { recordDateFilter } from '../services/recordDateFilter.js';
import { impactWindow } from '../services/impact/impactWindow.js';
import { DomainError } from './DomainError.js';

/** The DomainError `run` throws (fails the test when it throws nothing or something else). */
function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('nothing was thrown');
}

const form = {
  id: 'visit',
  title: { 'zh-CN': '上门', en: 'Visit' },
  schema: { type: 'object', properties: { visitDay: { type: 'string', format: 'date' }, note: { type: 'string' } } },
} as unknown as FormDefinition;

describe('refusals by catalog code (no text at the throw site)', () => {
  const cases: [ServerErrorCode, () => unknown, string | undefined][] = [
    ['impact.badWindow', () => impactWindow('0d', new Date()), '/since'],
    [
      'dateField.unknown',
      () => recordDateFilter({ from: '2025-01-01', dateField: 'nope' }, { form, timeZone: 'Asia/Shanghai' }),
      '/query/dateField',
    ],
    [
      'dateField.notADate',
      () => recordDateFilter({ from: '2025-01-01', dateField: 'note' }, { form, timeZone: 'Asia/Shanghai' }),
      '/query/dateField',
    ],
    ['query.notADate', () => recordDateFilter({ to: '2025-13-01' }, { form: null, timeZone: 'Asia/Shanghai' }), '/query/to'],
  ];
  for (const [code, run, pointer] of cases)
    it(`when ${code} is refused, then the error carries the code, its params and both messages, and a pointer`, () => {
      const error = refusal(run);
      expect(error.reason).toBe(code);
      const message = serverErrorMessage(code, error.params as never);
      expect({ en: error.message, zh: error.messageZh }).toEqual({ en: message.en, zh: message['zh-CN'] });
      if (pointer) expect(error.details).toContainEqual(expect.objectContaining({ pointer, messageZh: expect.any(String) }));
    });

  it('when a password breaks the policy, then the problem names its catalog code with the message of that code', () => {
    const person = { username: 'li.si', displayName: 'Li Si' };
    const codes = ['short', '          ', 'password1234'].map((p) => passwordProblem(p, person)?.code);
    expect(codes).toEqual(['password.tooShort', 'password.onlySpaces', 'password.guessable']);
    const short = passwordProblem('short', person)!;
    expect(short.zh).toBe(serverErrorMessage('password.tooShort', { min: 10 })['zh-CN']);
  });
});
