import { describe, expect, it } from 'vitest';
import { randomPassword } from './password.js';
import { assertPasswordPolicy, passwordProblem } from './passwordPolicy.js';

const li = { username: 'li.wei', displayName: 'Li Wei 李伟' };

describe('passwordProblem', () => {
  it.each([
    ['ten spaces', '          ', 'only spaces'],
    ['a short one', 'Ab3$kq', 'at least 10'],
    ['one repeated character', 'zzzzzzzzzzzz', 'too few different'],
    ['the digits in a row', '1234567890', 'sequence'],
    ['the digits backwards', '0987654321', 'sequence'],
    ['a keyboard row', 'qwertyuiop', 'sequence'],
    ['a common password', 'password1234', 'too easy to guess'],
    ['a common password with a capital and a symbol', 'Password2024!', 'too easy to guess'],
    ['a keyboard walk with digits', '1qaz2wsx3edc', 'sequence'],
    ['a common phrase with a year', 'iloveyou2024', 'too easy to guess'],
  ])('when the password is %s, then it is refused with the reason', (_case, password, reason) => {
    expect(passwordProblem(password, li)?.en).toContain(reason);
  });

  it('when the password is the user name or the display name in another case, then it is refused', () => {
    const person = { username: 'zhang.san.store', displayName: 'Zhang San Store 1' };
    expect(passwordProblem('ZHANG.SAN.STORE', person)?.en).toContain('user name');
    expect(passwordProblem('zhang san store 1', person)?.en).toContain('user name');
    expect(passwordProblem('san store 1', person)?.en).toContain('user name');
  });

  it('when the password is a long phrase of unrelated words, then it passes', () => {
    expect(passwordProblem('tree-lamp-river-42', li)).toBeNull();
    expect(passwordProblem('维修记录每天都要按时填写', li)).toBeNull();
  });

  it('when the first admin gets a random password, then every one of 20 passes the policy', () => {
    for (let i = 0; i < 20; i++) {
      const password = randomPassword();
      expect({ password, problem: passwordProblem(password, { username: 'admin', displayName: '管理员 Admin' }) }).toEqual({
        password,
        problem: null,
      });
    }
  });

  it('when a password is refused, then the error is a 400 with a pointer to the password and both languages', () => {
    expect(() => assertPasswordPolicy('1234567890', li)).toThrow(
      expect.objectContaining({
        code: 'validation_failed',
        messageZh: expect.stringContaining('1234567890'),
        details: [expect.objectContaining({ pointer: '/password', messageZh: expect.any(String), message: expect.any(String) })],
      }),
    );
  });
});
