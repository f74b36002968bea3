import type { UserAccount } from '../../api/usersApi';

/** Letters and digits a person can read out and type without confusing them (no 0/O, 1/l/I). */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A random password for the admin to hand over: `length` characters, uniform over ALPHABET (crypto.getRandomValues). */
export function generatePassword(length = 16, random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  // Bytes at or above the largest multiple of the alphabet's size are thrown away, so no letter is likelier.
  const limit = 256 - (256 % ALPHABET.length);
  let out = '';
  while (out.length < length) {
    for (const byte of random(new Uint8Array(length * 2))) {
      if (byte < limit) out += ALPHABET[byte % ALPHABET.length];
      if (out.length === length) break;
    }
  }
  return out;
}

/** The stores some user already has, sorted: the choices offered for a user's stores. */
export function knownStores(users: readonly UserAccount[]): string[] {
  return [...new Set(users.flatMap((u) => u.stores))].sort((a, b) => a.localeCompare(b));
}

/** The server's username rule (UserCreate). */
export const USERNAME = /^[A-Za-z0-9._-]{2,50}$/;
export const PASSWORD_MIN = 10;
