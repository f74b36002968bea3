/**
 * The version a publish leaves a document at: a new one (latest + 1, or 1) unless the content hash
 * equals the latest version's, then the latest, unchanged. Both adapters decide a publish with it.
 */
export function nextVersion(latest: { version: number; hash: string } | null, hash: string): { version: number; created: boolean } {
  if (latest && latest.hash === hash) return { version: latest.version, created: false };
  return { version: (latest?.version ?? 0) + 1, created: true };
}
