import type { LocalizedText } from '@aftersales/engine';
import type { ApiClient } from './ApiClient';

/** The counts of one slice of an impact (POST /impact). */
export interface ImpactCounts {
  records: number;
  finesAdded: number;
  finesAddedAmount: number;
  finesRemoved: number;
  finesRemovedAmount: number;
  becameLate: number;
  becameOnTime: number;
  deadlinesMoved: number;
  approvalsAdded: number;
  approvalsRemoved: number;
  blocksAdded: number;
  blocksRemoved: number;
}

export interface ImpactDue {
  dueAt: string | null;
  late: boolean;
}

export interface ImpactRecord {
  /** Link target only. */
  id: string;
  title: LocalizedText;
  createdAt: string;
  store: string | null;
  finesAdded: { role: string; person: string | null; amount: number }[];
  finesRemoved: { role: string; person: string | null; amount: number }[];
  deadlines: { key: string; what: LocalizedText; person: string | null; before: ImpactDue | null; after: ImpactDue | null }[];
  approvalsAdded: { approver: string; before: string }[];
  approvalsRemoved: { approver: string; before: string }[];
  blocksAdded: { message: LocalizedText }[];
  blocksRemoved: { message: LocalizedText }[];
}

export interface ImpactAnswer {
  window: { from: string | null; to: string };
  checked: number;
  changed: number;
  totals: ImpactCounts;
  byStore: (ImpactCounts & { store: string | null })[];
  byPerson: (ImpactCounts & { person: string; role: string | null; roleLabel: LocalizedText | null })[];
  byMonth: (ImpactCounts & { month: string })[];
  byRule: (ImpactCounts & { rule: string; title: LocalizedText })[];
  records: ImpactRecord[];
  truncated: boolean;
}

export type ImpactDraft = { kind: 'ruleset' | 'calendar' | 'form'; id: string; definition: unknown };

export interface ImpactProgress {
  checked: number;
  total: number;
}

/**
 * Replays a draft over the stored history on the server (POST /impact, streamed): calls
 * `onProgress` as lines come, resolves with the answer; aborting `signal` stops the server's work.
 */
export async function runImpact(
  client: ApiClient,
  request: { draft: ImpactDraft; since: string },
  options: { signal: AbortSignal; onProgress: (progress: ImpactProgress) => void },
): Promise<ImpactAnswer> {
  const response = await client.stream('/impact', request, options.signal);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n')) >= 0) {
      const line = JSON.parse(buffer.slice(0, end)) as
        | { type: 'start'; total: number }
        | { type: 'progress'; checked: number; total: number }
        | { type: 'result'; impact: ImpactAnswer }
        | { type: 'error'; error: { message: string; messageZh?: string } };
      buffer = buffer.slice(end + 1);
      if (line.type === 'start') options.onProgress({ checked: 0, total: line.total });
      else if (line.type === 'progress') options.onProgress({ checked: line.checked, total: line.total });
      else if (line.type === 'result') return line.impact;
      else throw new Error(line.error.messageZh ?? line.error.message);
    }
  }
  throw new Error('the answer ended early');
}
