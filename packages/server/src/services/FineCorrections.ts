import { DomainError } from '../errors/DomainError.js';
import { domainDetail } from '../errors/domainDetail.js';
import type { Repositories } from '../store/Store.js';
import type { FineEntry } from '../store/types.js';
import type { Clock } from './Clock.js';
import { timeOrderedId } from './ids.js';

const cents = (n: number) => Math.round(n * 100) / 100;

/** What a manager asks: waive the fine (no amount) or correct it to `amount`, and why. */
export interface FineCorrectionRequest {
  reason: string;
  amount?: number;
}

/**
 * Corrections of the fines ledger, which is append-only: a posted fine is never changed or
 * deleted. Waiving it appends a reversal (the negative amount, linking the original, with the
 * manager's reason); correcting it appends the reversal and a new fine of the right amount.
 * A fine is reversed at most once (the store refuses a second reversal of the same fine, whatever
 * instance asks), and a reversal itself cannot be reversed.
 */
export class FineCorrections {
  constructor(
    private readonly store: Pick<Repositories, 'fines'>,
    private readonly clock: Clock,
  ) {}

  async correct(
    id: string,
    request: FineCorrectionRequest,
    actor: string,
  ): Promise<{ reversal: FineEntry; replacement: FineEntry | null }> {
    const original = await this.store.fines.getFine(id);
    if (!original) throw new DomainError('fine.notFound', { id });
    return this.correctFine(original, request, actor);
  }

  /** Corrects a fine already read (and checked to be in the caller's scope). */
  async correctFine(
    original: FineEntry,
    request: FineCorrectionRequest,
    actor: string,
  ): Promise<{ reversal: FineEntry; replacement: FineEntry | null }> {
    if (original.origin === 'reversal')
      throw new DomainError(
        'fine.reverseReversal',
        {},
        {
          details: [domainDetail('/id', 'detail.isReversal', {})],
        },
      );
    const reason = request.reason.trim();
    if (reason === '')
      throw new DomainError(
        'fine.reasonRequired',
        {},
        {
          details: [domainDetail('/reason', 'detail.required', {})],
        },
      );
    if (request.amount !== undefined && cents(request.amount) === cents(original.amount))
      throw new DomainError(
        'fine.sameAmount',
        {},
        {
          details: [domainDetail('/amount', 'detail.sameAmount', {})],
        },
      );
    const at = this.clock().toISOString();
    const link = { corrects: original.id, correctedBy: actor, note: reason };
    const reversal: FineEntry = {
      ...original,
      id: timeOrderedId(),
      uniqueKey: `${original.uniqueKey}|reversal`,
      amount: cents(-original.amount),
      origin: 'reversal',
      postedAt: at,
      ...link,
    };
    const replacement: FineEntry | null =
      request.amount === undefined
        ? null
        : {
            ...original,
            id: timeOrderedId(),
            uniqueKey: `${original.uniqueKey}|correction`,
            amount: cents(request.amount),
            origin: 'correction',
            postedAt: at,
            ...link,
          };
    if (!(await this.store.fines.reverseFine({ reversal, replacement }, actor, at))) throw new DomainError('fine.reversedBefore', {});
    return { reversal, replacement };
  }
}
