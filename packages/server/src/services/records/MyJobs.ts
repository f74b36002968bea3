import type { Store } from '../../store/Store.js';
import type { DefinitionService } from '../DefinitionService.js';
import { isFinalState } from './finalState.js';

/** A technician's list: records assigned to them and not finished, the most urgent first. */
export class MyJobs {
  constructor(
    private readonly store: Store,
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
    return records.map(({ evaluation, ...record }) => ({
      ...record,
      outcome: evaluation.outcome,
      deadlines: rows.filter((d) => d.recordId === record.id),
    }));
  }
}
