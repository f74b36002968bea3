import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { serverErrorMessage } from '@aftersales/contract';
import { DomainError } from '../errors/DomainError.js';
import { domainDetail } from '../errors/domainDetail.js';

export const PASSWORD_MIN_LENGTH = 10;
/**
 * zxcvbn's score from 0 to 4; 3 means "safely unguessable" (about 10^8 guesses and up) by its
 * estimate against common passwords, names, words, keyboard walks, dates, repeats and sequences.
 */
export const PASSWORD_MIN_SCORE = 3;

type PasswordCode =
  'password.tooShort' | 'password.onlySpaces' | 'password.fewCharacters' | 'password.sequence' | 'password.name' | 'password.guessable';

/** Why a password is refused: its code of the server error catalog and the message in both languages; null when it passes. */
export type PasswordProblem = { code: PasswordCode; params: Record<string, number>; en: string; zh: string } | null;

const problem = (code: PasswordCode, params: Record<string, number> = {}): PasswordProblem => {
  const message = serverErrorMessage(code, params as never);
  return { code, params, en: message.en, zh: message['zh-CN'] };
};

// One estimator for the process: the dictionaries are large, built once on first use.
let estimator: ZxcvbnFactory | undefined;
const zxcvbn = () =>
  (estimator ??= new ZxcvbnFactory({
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary },
  }));

/** Runs of characters people type as "a password": digits, the alphabet and keyboard rows, both ways. */
const SEQUENCES = [
  '01234567890123456789',
  'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz',
  'qwertyuiopasdfghjklzxcvbnm',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
];

/** The product's password policy, for user creation, admin resets and the first admin. */
export function passwordProblem(password: string, person: { username: string; displayName: string }): PasswordProblem {
  if ([...password].length < PASSWORD_MIN_LENGTH) return problem('password.tooShort', { min: PASSWORD_MIN_LENGTH });
  if (password.trim() === '') return problem('password.onlySpaces');
  if (new Set([...password]).size < 4) return problem('password.fewCharacters');
  const lower = password.toLowerCase();
  if (SEQUENCES.some((run) => run.includes(lower) || [...run].reverse().join('').includes(lower))) return problem('password.sequence');
  const names = [person.username, person.displayName].map((n) => n.trim().toLowerCase()).filter((n) => n !== '');
  if (names.some((name) => name.includes(lower.trim()))) return problem('password.name');
  if (zxcvbn().check(password, [...names, 'aftersales', 'after-sales', 'admin']).score < PASSWORD_MIN_SCORE)
    return problem('password.guessable');
  return null;
}

/** Refuses a password that breaks the policy: 400 with a pointer to the password field and the reason in both languages. */
export function assertPasswordPolicy(password: string, person: { username: string; displayName: string }, pointer = '/password'): void {
  const found = passwordProblem(password, person);
  if (found)
    throw new DomainError(found.code, found.params as never, {
      details: [domainDetail(pointer, found.code, found.params as never, 'password_policy')],
    });
}
