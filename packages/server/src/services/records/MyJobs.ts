import type { DefinitionService } from '../DefinitionService.js';
import { isFinalState } from './finalState.js';
import { assignedCursor, type AssignedCursor } from '../../store/assignedRecords.js';
import type { RecordsRepository } from '../../store/ports/RecordsRepository.js';
import type { DeadlinesRepository } from '../../store/ports/DeadlinesRepository.js';

/** The repositories this service uses (services take only the ports they use; see store/ports/). */
type StorePorts = RecordsRepository & DeadlinesRepository;

/** A technician's list: records assigned to them and not finished, the most urgent first. */
export class MyJobs {
  constructor(
    private readonly store: StorePorts,
    private readonly definitions: DefinitionService,
  ) {}

  /** A page of the list after `after` (the sort key of the previous page's last record); `next` is this page's. */
  async list(assignee: string, limit: number, after?: AssignedCursor) {
    const pack = await this.definitions.publishedPack();
    // Final states (no transition leaves them) of each form: the work is over.
    const exclude = [...pack.forms.entries()].map(([formId, { definition }]) => ({
      formId,
      statuses: (definition.statusFlow?.states ?? []).map((s) => s.id).filter((s) => isFinalState(definition, s)),
    }));
    const page = await this.store.assignedRecords({ assignee, exclude, limit, ...(after ? { after } : {}) });
    const rows = page.items.length === 0 ? [] : await this.store.listDeadlines({ recordIds: page.items.map((r) => r.record.id) });
    const last = page.items.at(-1);
    return {
      items: page.items.map(({ record }) => ({ ...record, deadlines: rows.filter((d) => d.recordId === record.id) })),
      next: page.more && last ? assignedCursor(last) : null,
    };
  }
}
