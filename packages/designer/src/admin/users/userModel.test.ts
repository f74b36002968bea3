import { describe, expect, it } from 'vitest';
import type { UserAccount } from '../../api/usersApi';
import { generatePassword, knownStores } from './userModel';

describe('generatePassword', () => {
  it('gives 16 readable characters by default, different each time', () => {
    const a = generatePassword();
    expect(a).toMatch(/^[A-HJ-NP-Za-km-z2-9]{16}$/);
    expect(generatePassword()).not.toBe(a);
  });

  it('skips bytes that would favour some letters', () => {
    // 57 letters: 228 is the largest multiple below 256, so bytes 228..255 are dropped.
    let calls = 0;
    const random = (bytes: Uint8Array) => {
      bytes.fill(calls++ === 0 ? 255 : 0);
      return bytes;
    };
    expect(generatePassword(4, random)).toBe('AAAA');
    expect(calls).toBe(2);
  });
});

describe('knownStores', () => {
  it('lists each store once, sorted', () => {
    const user = (stores: string[]): UserAccount => ({
      id: stores.join(),
      username: 'u',
      displayName: 'u',
      roles: ['staff'],
      policyRoles: [],
      stores,
      deactivatedAt: null,
    });
    expect(knownStores([user(['jiefang', 'beijing']), user([]), user(['jiefang'])])).toEqual(['beijing', 'jiefang']);
  });
});
