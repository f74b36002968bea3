import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { AppError } from '../errors/AppError.js';

export const PASSWORD_MIN_LENGTH = 10;
/**
 * zxcvbn's score from 0 to 4; 3 means "safely unguessable" (about 10^8 guesses and up) by its
 * estimate against common passwords, names, words, keyboard walks, dates, repeats and sequences.
 */
export const PASSWORD_MIN_SCORE = 3;

/** Why a password is refused, in both languages; null when it passes. */
export type PasswordProblem = { en: string; zh: string } | null;

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
  if ([...password].length < PASSWORD_MIN_LENGTH)
    return { en: `the password needs at least ${PASSWORD_MIN_LENGTH} characters`, zh: `密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符` };
  if (password.trim() === '') return { en: 'the password cannot be only spaces', zh: '密码不能全是空格' };
  if (new Set([...password]).size < 4)
    return { en: 'the password repeats too few different characters', zh: '密码中不同的字符太少（不能只重复一两个字符）' };
  const lower = password.toLowerCase();
  if (SEQUENCES.some((run) => run.includes(lower) || [...run].reverse().join('').includes(lower)))
    return { en: 'the password is a simple sequence such as 1234567890', zh: '密码不能是 1234567890 这类简单序列' };
  const names = [person.username, person.displayName].map((n) => n.trim().toLowerCase()).filter((n) => n !== '');
  if (names.some((name) => name.includes(lower.trim())))
    return { en: "the password cannot be the person's user name or display name", zh: '密码不能是用户名或显示名称' };
  if (zxcvbn().check(password, [...names, 'aftersales', 'after-sales', 'admin']).score < PASSWORD_MIN_SCORE)
    return {
      en: 'the password is too easy to guess (a common password, word or pattern); use a longer phrase of unrelated words',
      zh: '密码太容易被猜到（常见密码、单词或规律）；请用更长、由不相关词语组成的短语',
    };
  return null;
}

/** Refuses a password that breaks the policy: 400 with a pointer to the password field and the reason in both languages. */
export function assertPasswordPolicy(password: string, person: { username: string; displayName: string }, pointer = '/password'): void {
  const problem = passwordProblem(password, person);
  if (problem)
    throw new AppError('validation_failed', problem.en, {
      messageZh: problem.zh,
      details: [{ pointer, code: 'password_policy', message: problem.en, messageZh: problem.zh }],
    });
}
