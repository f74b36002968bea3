/** The data with the numbered field set to `number` (what a client sent there is not kept: the server numbers). */
export function withProvisionalNumber(data: unknown, field: string, number: string): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  return { ...(data as Record<string, unknown>), [field]: number };
}

/** The data with the numbered field as it was stored (absent when it was absent: records from before numbering). */
export function keepNumber(data: unknown, field: string, previous: Record<string, unknown>): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  const out: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  if (previous[field] === undefined) delete out[field];
  else out[field] = previous[field];
  return out;
}
