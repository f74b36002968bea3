import { timeOrderedId } from './ids.js';
import { pickText, stampOf, traceExplanation, type Evaluation, type FormDefinition } from '@aftersales/engine';
import type { ErrorDetail } from '../errors/AppError.js';
import { domainDetail } from '../errors/domainDetail.js';
import { DomainError } from '../errors/DomainError.js';
import type { RecordPageFilter } from '../store/paging.js';
import type { Approval, RecordFilter, RecordWrite, StoredEvaluation, StoredRecord } from '../store/types.js';
import type { Clock } from './Clock.js';
import type { DefinitionService, Pins } from './DefinitionService.js';
import { historyFacts } from './historyFacts.js';
import { approvalsWithChanges } from './approvals/approvalsWithChanges.js';
import { isFinalState, refuseFinalEdit } from './records/finalState.js';
import type { Editor } from './records/Editor.js';
import { refuseLockedEdits } from './records/refuseLockedEdits.js';
import { assigneeOf } from './records/assigneeOf.js';
import { refuseForeignFiles } from './records/refuseForeignFiles.js';
import { PeopleDirectory } from './people/PeopleDirectory.js';
import { numberRequest } from './numbering/numberRequest.js';
import { keepNumber, withProvisionalNumber } from './numbering/provisionalNumber.js';
import { storeTimeZone } from './recordDateFilter.js';
import { renderNumber } from '../store/numbering.js';
import { withFormChecks } from './records/formChecks.js';
import { RecordLinks } from './records/RecordLinks.js';
import { linksOf, moveApplies } from './records/linkFields.js';
import type { RecordsRepository } from '../store/ports/RecordsRepository.js';
import type { ApprovalsRepository } from '../store/ports/ApprovalsRepository.js';
import type { DeadlinesRepository } from '../store/ports/DeadlinesRepository.js';
import type { UsersRepository } from '../store/ports/UsersRepository.js';
import type { FilesRepository } from '../store/ports/FilesRepository.js';

/** The repositories this service uses (services take only the ports they use; see store/ports/). */
type StorePorts = RecordsRepository & ApprovalsRepository & DeadlinesRepository & UsersRepository & FilesRepository;

/** Records: every write validates against the pinned form version, evaluates the pinned rules, stores the outcome. */
export class RecordService {
  constructor(
    private readonly store: StorePorts,
    private readonly definitions: DefinitionService,
    private readonly clock: Clock,
    private readonly people: PeopleDirectory = new PeopleDirectory(store),
  ) {
    this.links = new RecordLinks(
      store,
      () => definitions.publishedPack(),
      () => this.people.displayNames(),
    );
  }

  /** Links of records to records (a return visit -> its ticket). */
  readonly links: RecordLinks;

  async create(
    formId: string,
    data: unknown,
    actor: string,
    meta: { store?: string | null; assignee?: string | null; editor?: Editor } = {},
  ): Promise<{ record: StoredRecord; written: Written }> {
    const pins = await this.definitions.currentPins(formId);
    const now = this.clock();
    const id = timeOrderedId();
    const policy = await this.definitions.policyFor(formId, pins);
    // Numbered forms: the server gives the number (the store takes it from its counter as it writes);
    // checks and rules see the number's shape meanwhile.
    const numbering = numberRequest(policy.form, {
      store: meta.store ?? null,
      now,
      timeZone: storeTimeZone(await this.definitions.publishedPack(), formId),
    });
    if (numbering) data = withProvisionalNumber(data, numbering.field, renderNumber(numbering, 0));
    data = withFormChecks(policy.form, data, { now, timeZone: await this.timeZone(formId) });
    if (meta.editor) await this.refuseLocked(policy.form, {}, data, policy.form.statusFlow?.initial ?? null, meta.editor);
    const evaluation = await this.evaluate(policy, id, data, policy.form.statusFlow?.initial ?? null, now);
    await this.people.refuseUnknownPeople(policy.form, data, meta.store ?? null);
    await this.links.refuseBadLinks(policy.form, data, meta.store ?? null);
    await refuseForeignFiles(this.store, policy.form, data, {
      actor,
      unrestricted: !!meta.editor?.unrestricted,
      store: meta.store ?? null,
    });
    const record: StoredRecord = {
      id,
      formId,
      formVersion: pins.formVersion,
      ruleSetVersions: pins.ruleSetVersions,
      status: policy.form.statusFlow?.initial ?? null,
      data: data as Record<string, unknown>,
      evaluation: storable(evaluation),
      store: meta.store ?? null,
      assignee: assigneeOf(policy.form, data, meta.assignee ?? null),
      createdBy: actor,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      rev: 1,
    };
    const written = sideEffects(record, now, isFinalState(policy.form, record.status));
    await this.store.writeRecord({
      record,
      previous: null,
      actor,
      action: 'create',
      ...written,
      ...(numbering ? { numbering } : {}),
      links: linksOf(policy.form, data),
      linked: await this.linkMoves(policy.form, null, record, actor, now),
    });
    return { record, written };
  }

  /** Replaces the data; `rev` must be the one the caller read (optimistic concurrency). */
  async update(id: string, data: unknown, rev: number, actor: string, editor?: Editor): Promise<StoredRecord> {
    const previous = await this.stored(id);
    if (previous.rev !== rev) throw new DomainError('record.stale', { current: previous.rev, given: rev });
    const pins = pinsOf(previous);
    const now = this.clock();
    const policy = await this.definitions.policyFor(previous.formId, pins);
    if (isFinalState(policy.form, previous.status)) refuseFinalEdit(policy.form, previous.status);
    // A record's number is the server's: an edit keeps it.
    if (policy.form.numbering) data = keepNumber(data, policy.form.numbering.field, previous.data);
    data = withFormChecks(policy.form, data, { now, timeZone: await this.timeZone(previous.formId) });
    if (editor) await this.refuseLocked(policy.form, previous.data, data, previous.status, editor);
    const evaluation = await this.evaluate(policy, id, data, previous.status, now);
    await this.people.refuseUnknownPeople(policy.form, data, previous.store, previous.data);
    await this.links.refuseBadLinks(policy.form, data, previous.store);
    await refuseForeignFiles(
      this.store,
      policy.form,
      data,
      { actor, unrestricted: !!editor?.unrestricted, store: previous.store },
      previous.data,
    );
    const record: StoredRecord = {
      ...previous,
      data: data as Record<string, unknown>,
      assignee: assigneeOf(policy.form, data, previous.assignee),
      evaluation: storable(evaluation),
      updatedAt: now.toISOString(),
      rev: previous.rev + 1,
    };
    await this.store.writeRecord({
      record,
      previous,
      actor,
      action: 'update',
      ...sideEffects(record, now, false),
      links: linksOf(policy.form, data),
      linked: await this.linkMoves(policy.form, previous, record, actor, now),
    });
    return record;
  }

  /**
   * Moves the record along its form's status flow; refused while an approval or block guards the move.
   * A one-tap step (a transition with `stamp`) fills that date-time field with the server's time when
   * it is empty, in the same write: checked like an edit (field access, the form's checks).
   */
  async transition(id: string, to: string, actor: string, editor?: Editor): Promise<StoredRecord> {
    const previous = await this.stored(id);
    const pins = pinsOf(previous);
    const policy = await this.definitions.policyFor(previous.formId, pins);
    const flow = policy.form.statusFlow;
    if (!flow) throw new DomainError('record.noFlow', { form: previous.formId });
    if (!flow.transitions.some((t) => t.from === previous.status && t.to === to)) {
      // Said with the states' labels, as the person reads them (the record may have moved meanwhile in another tab).
      const label = (state: string | null, locale: 'zh-CN' | 'en') => statusLabel(policy.form, state, locale);
      const targets = allowedTargets(policy.form, previous.status);
      throw new DomainError(
        'record.noSuchMove',
        { fromZh: label(previous.status, 'zh-CN'), fromEn: label(previous.status, 'en'), toZh: label(to, 'zh-CN'), toEn: label(to, 'en') },
        {
          details: [
            domainDetail('/to', 'detail.allowedMoves', {
              targetsZh: targets.map((s) => label(s, 'zh-CN')).join('、') || '—',
              targetsEn: targets.map((s) => label(s, 'en')).join(', ') || '—',
            }),
          ],
        },
      );
    }
    // Linked facts (the ticket's status) may have changed since the record was written: its blocks are read afresh.
    const guards =
      policy.linkedFacts.length > 0
        ? guardsOf(
            {
              ...previous,
              evaluation: storable(await this.evaluate(policy, id, previous.data, previous.status, this.clock(), { allowBlocks: true })),
            },
            to,
            await this.store.listApprovals({ recordId: id }),
            await this.roleLabels(),
          )
        : await this.guards(previous, to);
    if (guards.length > 0)
      throw new DomainError(
        'record.guarded',
        { en: guards.map((g) => g.message).join('; '), zh: guards.map((g) => g.messageZh ?? g.message).join('；') },
        { details: guards },
      );
    const now = this.clock();
    const stamp = stampOf(policy.form, previous.status, to);
    const data = stamp && !filled(previous.data[stamp]) ? { ...previous.data, [stamp]: now.toISOString() } : previous.data;
    if (data !== previous.data && editor) await this.refuseLocked(policy.form, previous.data, data, previous.status, editor);
    const evaluation = await this.evaluate(policy, id, data, to, now, { allowBlocks: true });
    const record: StoredRecord = {
      ...previous,
      data,
      status: to,
      evaluation: storable(evaluation),
      updatedAt: now.toISOString(),
      rev: previous.rev + 1,
    };
    await this.store.writeRecord({
      record,
      previous,
      actor,
      action: `status ${previous.status ?? ''} -> ${to}`,
      // A record moved into a final state gets no new approval tasks (nothing can follow them).
      ...sideEffects(record, now, isFinalState(policy.form, to)),
      linked: await this.linkMoves(policy.form, previous, record, actor, now),
    });
    return record;
  }

  /**
   * The moves this write makes of linked records (the form's linkMoves whose condition has just come
   * true): each linked record in one of the move's `from` states, not guarded by an approval or block
   * before `to`, re-evaluated in its new state and written in the same transaction (audited as a move
   * "by link").
   */
  private async linkMoves(form: FormDefinition, before: StoredRecord | null, after: StoredRecord, actor: string, now: Date) {
    const writes: RecordWrite[] = [];
    for (const move of form.linkMoves ?? []) {
      const target = after.data[move.field];
      if (typeof target !== 'string' || target === '' || !moveApplies(move, after)) continue;
      if (before && moveApplies(move, before) && before.data[move.field] === target) continue;
      if (writes.some((w) => w.record.id === target)) continue;
      const previous = await this.store.getRecord(target);
      if (!previous || previous.status === null || previous.status === move.to || !move.from.includes(previous.status)) continue;
      if ((await this.guards(previous, move.to)).length > 0) continue;
      const policy = await this.definitions.policyFor(previous.formId, pinsOf(previous));
      const evaluation = await this.evaluate(policy, previous.id, previous.data, move.to, now, { allowBlocks: true });
      const record: StoredRecord = {
        ...previous,
        status: move.to,
        evaluation: storable(evaluation),
        updatedAt: now.toISOString(),
        rev: previous.rev + 1,
      };
      writes.push({
        record,
        previous,
        actor,
        action: `status ${previous.status} -> ${move.to} by link`,
        ...sideEffects(record, now, isFinalState(policy.form, move.to)),
      });
    }
    return writes;
  }

  /** Why a move into `to` is refused now: pending or rejected approvals and blocks that name it. */
  async guards(record: StoredRecord, to: string): Promise<ErrorDetail[]> {
    return guardsOf(record, to, await this.store.listApprovals({ recordId: record.id }), await this.roleLabels());
  }

  /**
   * A record as the API answers it: with the status moves open to it, what refuses each now, and
   * its deadline rows. A record just created passes what its write stored, which is all it has.
   * With `explain` (GET /records/:id) the explanation is rebuilt from the trace by the pinned rule
   * sets; the answers to writes leave it out (a tenth of their size).
   */
  async present(record: StoredRecord, options: { written?: Written; explain?: boolean } = {}) {
    const { written, explain } = options;
    const { trace, explanation, ...evaluation } = record.evaluation;
    const policy = await this.definitions.policyFor(record.formId, pinsOf(record));
    const targets = allowedTargets(policy.form, record.status);
    const role = await this.roleLabels();
    const approvals = written?.approvals ?? (await this.store.listApprovals({ recordId: record.id }));
    return {
      ...record,
      // The store as people read it (its id stays in `store`).
      storeName: await this.people.storeName(record.store),
      // Every approval task of the record, each with what changed in the record since it was asked.
      approvals: approvalsWithChanges(policy.form, record, approvals),
      final: isFinalState(policy.form, record.status),
      // Records stored before traces keep their explanation.
      evaluation: explain ? { ...evaluation, explanation: explanation ?? policy.explain(trace ?? []) } : evaluation,
      transitions: targets.map((to) => ({ to, guards: guardsOf(record, to, approvals, role) })),
      deadlines: written
        ? [...written.deadlines].sort((a, b) => (a.dueAt ?? '').localeCompare(b.dueAt ?? ''))
        : await this.store.listDeadlines({ recordIds: [record.id] }),
      now: this.clock().toISOString(),
    };
  }

  /** Approval tasks with what changed in their records since each was asked (records by id; a missing one: no changes). */
  async approvalsWithChanges(approvals: readonly Approval[], records: ReadonlyMap<string, StoredRecord>) {
    const out = [];
    for (const approval of approvals) {
      const record = records.get(approval.recordId);
      if (!record) {
        out.push(...approvalsWithChanges(null, null, [approval]));
        continue;
      }
      const policy = await this.definitions.policyFor(record.formId, pinsOf(record));
      out.push(...approvalsWithChanges(policy.form, record, [approval]));
    }
    return out;
  }

  /** The record as stored (its explanation kept as a trace). */
  async stored(id: string): Promise<StoredRecord> {
    const record = await this.store.getRecord(id);
    if (!record) throw new DomainError('record.notFound', { id });
    return record;
  }

  list(filter: RecordFilter) {
    return this.store.listRecords(filter);
  }

  /** A page of records for lists: each with its deadline rows (their live state); the evaluation is read with the record. */
  async listWithDeadlines(filter: RecordPageFilter) {
    const page = await this.store.pageRecords(filter);
    const rows = await this.store.listDeadlines({ recordIds: page.items.map((r) => r.id) });
    return {
      total: page.total,
      capped: page.capped,
      more: page.more,
      items: page.items.map((record) => ({ ...record, deadlines: rows.filter((d) => d.recordId === record.id) })),
    };
  }

  /** The time zone of the form's calendar (dates are local dates there). */
  private async timeZone(formId: string): Promise<string> {
    return storeTimeZone(await this.definitions.publishedPack(), formId);
  }

  /** Policy role names from the published roles file, for messages people read. */
  private async roleLabels(): Promise<RoleLabel> {
    const roles = (await this.definitions.publishedPack()).roles?.definition.roles ?? [];
    return (id) => {
      const label = roles.find((r) => r.id === id)?.label;
      return label ? { 'zh-CN': pickText(label, 'zh-CN'), en: pickText(label, 'en') } : { 'zh-CN': id, en: id };
    };
  }

  /** Refuses changes to fields the editor may not change in this state (the form's fieldAccess). */
  private async refuseLocked(form: FormDefinition, before: unknown, after: unknown, status: string | null, editor: Editor) {
    if (!form.fieldAccess?.length) return;
    refuseLockedEdits(form, { before, after, status }, editor, (await this.definitions.publishedPack()).roles?.definition);
  }

  private async evaluate(
    policy: Awaited<ReturnType<DefinitionService['policyFor']>>,
    id: string,
    data: unknown,
    status: string | null,
    now: Date,
    options: { allowBlocks?: boolean } = {},
  ): Promise<Evaluation> {
    const validation = policy.validate(data);
    if (!validation.valid) {
      throw new DomainError(
        'record.invalid',
        {},
        {
          details: validation.errors.map((e) => ({
            pointer: `/data${e.pointer}`,
            code: e.keyword,
            message: e.message.en,
            messageZh: e.message['zh-CN'],
          })),
        },
      );
    }
    const history = await historyFacts(policy, this.store, { id, data }, now);
    const evaluation = await policy.evaluate(data, { now, ...(status ? { status } : {}), history });
    const blocks = evaluation.outcome.blocks.filter((b) => b.before === undefined);
    if (blocks.length > 0 && !options.allowBlocks) {
      throw new DomainError(
        'record.blocked',
        { en: blocks.map((b) => pickText(b.message, 'en')).join('; '), zh: blocks.map((b) => pickText(b.message, 'zh-CN')).join('；') },
        {
          details: blocks.map((b) => ({ code: 'blocked', message: b.message.en, messageZh: b.message['zh-CN'] })),
        },
      );
    }
    return evaluation;
  }
}

/** What is stored of an evaluation: the explanation as its trace, a fraction of its size. */
function storable({ explanation, ...evaluation }: Evaluation): StoredEvaluation {
  return { ...evaluation, trace: traceExplanation(explanation) };
}

/** A policy role's name in both languages (the id when the roles file does not name it). */
type RoleLabel = (id: string) => { 'zh-CN': string; en: string };

function guardsOf(
  record: StoredRecord,
  to: string,
  approvals: Approval[],
  role: RoleLabel = (id) => ({ 'zh-CN': id, en: id }),
): ErrorDetail[] {
  const blocks = record.evaluation.outcome.blocks.filter((b) => b.before === to);
  return [
    ...approvals
      .filter((a) => a.before === to && (a.state === 'pending' || a.state === 'rejected'))
      .map((a) => {
        const { pointer: _none, ...detail } = domainDetail('', a.state === 'rejected' ? 'approval.rejected' : 'approval.pending', {
          roleZh: role(a.approver)['zh-CN'],
          roleEn: role(a.approver).en,
          reasonZh: a.reason['zh-CN'],
          reasonEn: a.reason.en,
        });
        return detail;
      }),
    ...blocks.map((b) => ({ code: 'blocked', message: b.message.en, messageZh: b.message['zh-CN'] })),
  ];
}

/** A value someone filled in (a stamp never overwrites one). */
function filled(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

function pinsOf(record: StoredRecord): Pins {
  return { formVersion: record.formVersion, ruleSetVersions: record.ruleSetVersions };
}

/** A status as people read it: its label in the form's flow (a status the flow does not know, as it is). */
function statusLabel(form: FormDefinition, state: string | null, locale: 'zh-CN' | 'en'): string {
  if (state === null) return '—';
  const known = form.statusFlow?.states.find((s) => s.id === state);
  return known ? pickText(known.label, locale) : state;
}

function allowedTargets(form: FormDefinition, from: string | null): string[] {
  return form.statusFlow?.transitions.filter((t) => t.from === from).map((t) => t.to) ?? [];
}

/** One deadline per rule set and key (two rules giving the same key: the earlier due time counts). */
function uniqueDeadlines(deadlines: Evaluation['outcome']['deadlines']): Evaluation['outcome']['deadlines'] {
  const byKey = new Map<string, Evaluation['outcome']['deadlines'][number]>();
  for (const d of deadlines) {
    const key = `${d.source.ruleSet}/${d.key}`;
    const other = byKey.get(key);
    if (!other || (d.dueAt !== null && (other.dueAt === null || d.dueAt < other.dueAt))) byKey.set(key, d);
  }
  return [...byKey.values()];
}

/** What a record write stores besides the record. */
type Written = Pick<RecordWrite, 'approvals' | 'deadlines' | 'fines' | 'notifications'>;

/** Approval tasks, deadline rows, immediate fines and notices of a record's current outcome. */
function sideEffects(record: StoredRecord, now: Date, final: boolean): Written {
  const { outcome } = record.evaluation;
  const at = now.toISOString();
  return {
    approvals: (final ? [] : outcome.approvals).map((a) => ({
      id: timeOrderedId(),
      recordId: record.id,
      formId: record.formId,
      approver: a.approver,
      before: a.before,
      reason: a.reason,
      rule: a.source.rule,
      state: 'pending',
      decidedBy: null,
      decidedAt: null,
      comment: null,
      createdAt: at,
      requestedRev: record.rev,
      requestedData: record.data,
    })),
    deadlines: uniqueDeadlines(outcome.deadlines).map((d) => ({
      recordId: record.id,
      formId: record.formId,
      key: `${d.source.ruleSet}/${d.key}`,
      dueAt: d.dueAt,
      // A breach is the scheduler's to record: it posts the deadline's fines, once.
      state: d.state === 'breached' ? 'open' : d.state,
      // Work done needs no reminder (met late: the clock still records the breach and its fines).
      remindAt: d.metAt ? null : d.remindAt,
      reminded: false,
      deadline: d,
    })),
    fines: outcome.fines.map((f, i) => ({
      id: timeOrderedId(),
      uniqueKey: `${record.id}|rule|${f.source.ruleSet}|${f.source.rule}|${i}`,
      recordId: record.id,
      formId: record.formId,
      payerRole: f.payer.role,
      person: f.payer.person ?? null,
      amount: f.amount,
      reason: f.reason,
      origin: 'rule',
      postedAt: at,
    })),
    notifications: outcome.notices.map((n) => ({
      id: timeOrderedId(),
      uniqueKey: `${record.id}|notice|${n.source.ruleSet}|${n.source.rule}|${n.to.role}`,
      at,
      role: n.to.role,
      person: n.to.person ?? null,
      recordId: record.id,
      message: n.message,
    })),
  };
}
