import type { PackFile } from '@aftersales/engine';
import { api, type BodyOf } from '@aftersales/contract';
import { AppError } from '../../errors/AppError.js';
import { DomainError } from '../../errors/DomainError.js';
import { domainDetail } from '../../errors/domainDetail.js';
import { errorAnswer } from '../errorHandler.js';
import { ImpactService } from '../../services/impact/ImpactService.js';
import type { ImpactDraft } from '../../services/impact/ImpactRequest.js';
import { ImpactWorkerPool } from '../../services/impact/ImpactWorkerPool.js';
import { Answered, type Route } from '../Route.js';
import { route } from '../typedRoute.js';
import type { Services } from './Services.js';

type Body = BodyOf<typeof api.impact.impact>;

/** The draft of a request body, or a 400 pointing at what is missing. */
function draftOf(body: Body): ImpactDraft {
  const { draft } = body;
  if (draft.kind === 'pack') {
    if (!draft.files) throw new DomainError('impact.filesRequired', {}, { details: [domainDetail('/draft/files', 'detail.required', {})] });
    return { kind: 'pack', files: draft.files.map((f): PackFile => ({ path: f.path, text: f.content })) };
  }
  if (!draft.id) throw new DomainError('impact.idRequired', {}, { details: [domainDetail('/draft/id', 'detail.required', {})] });
  return { kind: draft.kind, id: draft.id, ...(draft.definition !== undefined ? { definition: draft.definition } : {}) };
}

/**
 * Impact over the stored history: what publishing a draft would have done to the records of a
 * window, in the caller's store scope. `Accept: application/x-ndjson` streams one JSON object a line
 * (`start`, `progress`..., then `result` or `error`); otherwise the whole answer (the endpoint's
 * response) comes at the end. Either way a client that goes away stops the replay.
 */
export function impactRoutes(services: Services): Route[] {
  const impact = new ImpactService(services, new ImpactWorkerPool());
  return [
    route(api.impact.impact, {
      // It lists records by title: API keys need records:read (they read every record anyway).
      access: { roles: ['admin'], scope: 'records:read' },
      summary:
        'Replays a draft (rule set, calendar, form, or pack files) over the stored records created in a window (`since`: 90d by default, or all) within the caller’s store scope: records changed, fines added and removed, deadlines now late or now on time, approvals and blocks, by store, person, month and rule, and the changed records by title; with `Accept: application/x-ndjson` it streams one JSON object a line (start, progress..., then result or error)',
      handler: async ({ req, res, body, principal }) => {
        const prepared = await impact.prepare(principal, { draft: draftOf(body), ...(body.since ? { since: body.since } : {}) });
        const controller = new AbortController();
        res.on('close', () => {
          if (!res.writableFinished) controller.abort(new Error('the client went away'));
        });
        if (!(req.get('accept') ?? '').includes('application/x-ndjson')) {
          try {
            return await impact.run(prepared, { signal: controller.signal });
          } catch (error) {
            if (controller.signal.aborted) return new Answered(); // nobody is listening any more
            throw error;
          }
        }
        res.status(200).type('application/x-ndjson');
        const line = (value: unknown) => res.write(`${JSON.stringify(value)}\n`);
        line({ type: 'start', total: prepared.total });
        let last = 0;
        try {
          const answer = await impact.run(prepared, {
            signal: controller.signal,
            onProgress: (progress) => {
              const now = Date.now();
              if (now - last < 100 && progress.checked < progress.total) return;
              last = now;
              line({ type: 'progress', ...progress });
            },
          });
          line({ type: 'result', impact: answer });
        } catch (error) {
          if (!controller.signal.aborted) {
            if (!(error instanceof AppError)) console.error(error);
            // The same wire shape as every refused call (errorHandler.ts).
            line({
              type: 'error',
              ...errorAnswer(error instanceof AppError ? error : new DomainError('impact.failed', {}, { cause: error })),
            });
          }
        }
        res.end();
        return new Answered();
      },
    }),
  ];
}
