import { pickText } from '@aftersales/engine';
import { DomainError } from '../../errors/DomainError.js';
import { domainDetail } from '../../errors/domainDetail.js';
import type { StoredRecord } from '../../store/types.js';
import type { Clock } from '../Clock.js';
import type { DefinitionService } from '../DefinitionService.js';
import type { PeopleDirectory } from '../people/PeopleDirectory.js';
import { actorOf, type Principal } from '../Principal.js';
import type { RecordService } from '../RecordService.js';
import { editorOf } from './Editor.js';

/**
 * The clerk's dispatch: assigns a record to a person of its store by writing the form's assignment
 * field (and stamping its dispatch time when empty) through the ordinary update, so the record is
 * validated, re-evaluated (dispatch deadlines are met) and audited like any edit.
 */
export class Dispatch {
  constructor(
    private readonly records: RecordService,
    private readonly definitions: DefinitionService,
    private readonly people: PeopleDirectory,
    private readonly clock: Clock,
  ) {}

  async dispatch(record: StoredRecord, assignee: string, rev: number, principal: Principal): Promise<StoredRecord> {
    const policy = await this.definitions.policyFor(record.formId, {
      formVersion: record.formVersion,
      ruleSetVersions: record.ruleSetVersions,
    });
    const assignment = policy.form.assignment;
    if (!assignment)
      throw new DomainError('dispatch.notDispatched', {
        formZh: pickText(policy.form.title, 'zh-CN'),
        formEn: pickText(policy.form.title, 'en'),
      });
    if (!mayDispatch(principal, assignment.dispatchers)) {
      const roles = (await this.definitions.publishedPack()).roles?.definition.roles ?? [];
      const names = assignment.dispatchers.map((id) => roles.find((r) => r.id === id)?.label ?? { 'zh-CN': id, en: id });
      throw new DomainError('dispatch.notAllowed', {
        rolesZh: names.map((n) => pickText(n, 'zh-CN')).join('、'),
        rolesEn: names.map((n) => pickText(n, 'en')).join(', '),
      });
    }
    const field = policy.form.schema.properties?.[assignment.field];
    const candidates = await this.people.people({ store: record.store, roles: field?.['x-roles'] ?? [] });
    if (!candidates.some((p) => p.username === assignee))
      throw new DomainError(
        'dispatch.unknownPerson',
        { assignee },
        {
          details: [
            domainDetail('/assignee', candidates.length === 0 ? 'dispatch.nobodyHoldsRole' : 'dispatch.pickPerson', {}, 'person.unknown'),
          ],
        },
      );
    const data: Record<string, unknown> = { ...record.data, [assignment.field]: assignee };
    if (assignment.stamp && !record.data[assignment.stamp]) data[assignment.stamp] = this.clock().toISOString();
    return this.records.update(record.id, data, rev, actorOf(principal), editorOf(principal));
  }
}

/** Admins and managers dispatch; staff when they hold one of the form's dispatcher roles; API keys with records:write. */
function mayDispatch(principal: Principal, dispatchers: readonly string[]): boolean {
  if (principal.kind === 'apiKey') return true;
  const { user } = principal;
  return user.roles.includes('admin') || user.roles.includes('manager') || user.policyRoles.some((r) => dispatchers.includes(r));
}
