import { createHash, randomBytes } from 'node:crypto';

/** A random 256-bit secret (session token or API key), shown once; only its hash is stored. */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
