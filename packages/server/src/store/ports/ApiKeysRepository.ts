import type { ApiKey } from '../types.js';

/** Integrators' API keys (stored hashed). */
export interface ApiKeysRepository {
  createApiKey(key: ApiKey): Promise<void>;
  apiKeyByHash(keyHash: string): Promise<ApiKey | null>;
  listApiKeys(): Promise<ApiKey[]>;
  revokeApiKey(id: string): Promise<boolean>;
}
