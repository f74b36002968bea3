import type { PackFile } from '@aftersales/engine';

/** What to replay: a stored draft (or the given definition) of one document, or whole pack files (a push). */
export type ImpactDraft = { kind: 'ruleset' | 'calendar' | 'form'; id: string; definition?: unknown } | { kind: 'pack'; files: PackFile[] };

export interface ImpactRequest {
  draft: ImpactDraft;
  /** The window of record creation: `90d` (default), any `<days>d` up to the limit, or `all`. */
  since?: string;
}
