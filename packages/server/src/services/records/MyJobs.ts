import type { DefinitionService } from '../DefinitionService.js';
import { isFinalState } from './finalState.js';
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

  async list(assignee: string, limit: number) {
    const pack = await this.definitions.publishedPack();
    // Final states (no transition leaves them) of each form: the work is over.
    const exclude = [...pack.forms.entries()].map(([formId, { definition }]) => ({
      formId,
      statuses: (definition.statusFlow?.states ?? []).map((s) => s.id).filter((s) => isFinalState(definition, s)),
    }));
    const records = await this.store.assignedRecords({ assignee, exclude, limit });
    if (records.length === 0) return [];
    const rows = await this.store.listDeadlines({ recordIds: records.map((r) => r.id) });
    return records.map(({ evaluation: _evaluation, ...record }) => ({
      ...record,
      deadlines: rows.filter((d) => d.recordId === record.id),
    }));
  }
}
