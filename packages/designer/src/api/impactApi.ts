import type {
  BodyOf,
  ImpactAnswer as ImpactAnswerSchema,
  ImpactCounts as ImpactCountsSchema,
  ImpactRecordChange,
  ImpactStreamLine,
  Static,
  api,
} from '@aftersales/contract';
import { toApiError, type ApiClient } from './ApiClient';

/** The impact's shapes are the contract's (packages/contract endpoints/impact.ts). */
export type ImpactAnswer = Static<typeof ImpactAnswerSchema>;
export type ImpactCounts = Static<typeof ImpactCountsSchema>;
export type ImpactRecord = Static<typeof ImpactRecordChange>;
export type ImpactDue = NonNullable<ImpactRecord['deadlines'][number]['before']>;
type ImpactBody = BodyOf<typeof api.impact.impact>;
/** The draft replayed: the editor's definition (its file type) goes as JSON. */
export type ImpactDraft = Omit<ImpactBody['draft'], 'definition'> & { definition?: object };
type ImpactRequest = Omit<ImpactBody, 'draft'> & { draft: ImpactDraft };

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
  request: ImpactRequest,
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
      const line = JSON.parse(buffer.slice(0, end)) as Static<typeof ImpactStreamLine>;
      buffer = buffer.slice(end + 1);
      if (line.type === 'start') options.onProgress({ checked: 0, total: line.total });
      else if (line.type === 'progress') options.onProgress({ checked: line.checked, total: line.total });
      else if (line.type === 'result') return line.impact;
      // The same error answer as a refused call, read the same way (the message in the person's language).
      else throw toApiError(response.status, line);
    }
  }
  throw new Error('the answer ended early');
}
