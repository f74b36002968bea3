/** Limits on any JSON the product reads: files, records, request bodies. */
export interface JsonLimits {
  maxBytes: number;
  maxDepth: number;
  maxNodes: number;
}

export const DEFAULT_JSON_LIMITS: JsonLimits = {
  maxBytes: 1024 * 1024,
  maxDepth: 64,
  maxNodes: 200_000,
};
