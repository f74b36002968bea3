import { describe, expect, it } from 'vitest';
import type { Store } from '../store/Store.js';
import type { Approval, AuditEntry, DeadlineRow, FineEntry, Notification, StoredRecord, User } from '../store/types.js';
import { sampleRecord } from './storeContract.js';

// The store contract, repository by repository: every method through `store.<repository>`, on each adapter.

const write = (record: StoredRecord, previous: StoredRecord | null = null) => ({
  record,
  previous,
  actor: 'clerk',
  action: previous ? 'update' : 'create',
  approvals: [] as Approval[],
  deadlines: [] as DeadlineRow[],
  fines: [] as FineEntry[],
  notifications: [] as Notification[],
});

const user = (id: string, username: string, overrides: Partial<User> = {}): User => ({
  id,
  username,
  displayName: username.toUpperCase(),
  passwordHash: 'h',
  roles: ['staff'],
  policyRoles: [],
  stores: ['s1'],
  createdAt: '2025-10-01T00:00:00.000Z',
  ...overrides,
});

const fine = (id: string, overrides: Partial<FineEntry> = {}): FineEntry => ({
  id,
  uniqueKey: id,
  recordId: 'r1',
  formId: 'f',
  payerRole: 'technician',
  person: '王',
  amount: 10,
  reason: { 'zh-CN': '迟到', en: 'Late' },
  origin: 'rule',
  postedAt: '2025-10-09T00:00:00.000Z',
  ...overrides,
});

const approval = (id: string, overrides: Partial<Approval> = {}): Approval => ({
  id,
  recordId: 'r1',
  formId: 'f',
  approver: 'generalManager',
  before: 'approved',
  reason: { 'zh-CN': '审批', en: 'Approve' },
  rule: 'A1',
  state: 'pending',
  decidedBy: null,
  decidedAt: null,
  comment: null,
  createdAt: '2025-10-09T00:00:00.000Z',
  ...overrides,
});

const deadline = (recordId: string, key: string, overrides: Partial<DeadlineRow> = {}): DeadlineRow => ({
  recordId,
  formId: 'f',
  key,
  dueAt: '2025-10-09T06:00:00.000Z',
  state: 'open',
  remindAt: '2025-10-09T05:00:00.000Z',
  reminded: false,
  deadline: { key, metAt: null, dueAt: '2025-10-09T06:00:00.000Z' } as never,
  ...overrides,
});

const notice = (id: string, at: string, role = 'afterSalesManager'): Notification => ({
  id,
  uniqueKey: id,
  at,
  role,
  person: null,
  recordId: null,
  message: { 'zh-CN': '通知', en: 'Notice' },
});

/** The behaviour of every repository of a Store adapter; run against each adapter (see describeStoreContract). */
export function describeRepositoryContract(name: string, open: () => Promise<Store>): void {
  describe(`Store contract by repository: ${name}`, () => {
    it('users: when users are created and edited, then they are counted, found by id and name, listed by name, and an edit keeps deactivation', async () => {
      const store = await open();
      expect(await store.users.countUsers()).toBe(0);
      await store.users.createUser(user('u2', 'wang'));
      await store.users.createUser(user('u1', 'li'));
      expect(await store.users.countUsers()).toBe(2);
      expect((await store.users.listUsers()).map((u) => u.username)).toEqual(['li', 'wang']);
      expect(await store.users.userById('u2')).toEqual(user('u2', 'wang'));
      expect(await store.users.userById('nobody')).toBeNull();
      expect(await store.users.userByUsername('nobody')).toBeNull();
      await store.users.setUserDeactivated('u1', '2025-10-02T00:00:00.000Z', 'admin', '2025-10-02T00:00:00.000Z');
      await store.users.updateUser(
        user('u1', 'li', { displayName: '李四', roles: ['manager'], policyRoles: ['generalManager'], stores: ['s2'] }),
      );
      expect(await store.users.userById('u1')).toEqual(
        user('u1', 'li', {
          displayName: '李四',
          roles: ['manager'],
          policyRoles: ['generalManager'],
          stores: ['s2'],
          deactivatedAt: '2025-10-02T00:00:00.000Z',
        }),
      );
      expect(await store.users.setUserDeactivated('nobody', null, 'admin', '2025-10-02T00:00:00.000Z')).toBeNull();
      await store.close();
    });

    it('sessions: when one session is deleted, then it is gone and the others stay', async () => {
      const store = await open();
      const session = (tokenHash: string) => ({
        tokenHash,
        userId: 'u1',
        expiresAt: '2099-01-01T00:00:00.000Z',
        lastSeenAt: '2025-10-01T00:00:00.000Z',
      });
      await store.sessions.createSession(session('a'));
      await store.sessions.createSession(session('b'));
      await store.sessions.deleteSession('a');
      expect(await store.sessions.sessionByHash('a')).toBeNull();
      expect(await store.sessions.sessionByHash('b')).toEqual(session('b'));
      await store.close();
    });

    it('API keys: when keys are created and revoked, then they are found by hash, listed oldest first, and revoking an unknown key says so', async () => {
      const store = await open();
      const key = (id: string, createdAt: string) => ({
        id,
        name: `键 ${id}`,
        keyHash: `hash-${id}`,
        scopes: ['records:read' as const],
        createdBy: 'admin',
        createdAt,
        revoked: false,
      });
      await store.apiKeys.createApiKey(key('k2', '2025-10-02T00:00:00.000Z'));
      await store.apiKeys.createApiKey(key('k1', '2025-10-01T00:00:00.000Z'));
      expect(await store.apiKeys.apiKeyByHash('hash-k2')).toEqual(key('k2', '2025-10-02T00:00:00.000Z'));
      expect(await store.apiKeys.apiKeyByHash('nope')).toBeNull();
      expect((await store.apiKeys.listApiKeys()).map((k) => k.id)).toEqual(['k1', 'k2']);
      expect(await store.apiKeys.revokeApiKey('k1')).toBe(true);
      expect(await store.apiKeys.revokeApiKey('unknown')).toBe(false);
      expect((await store.apiKeys.apiKeyByHash('hash-k1'))?.revoked).toBe(true);
      await store.close();
    });

    it('definitions: when documents are drafted, published together, archived, then each read answers it and the generation grows only on a change', async () => {
      const store = await open();
      const generation = await store.definitions.definitionsGeneration();
      await store.definitions.saveDraft('ruleset', 'f.rules', { form: 'f', rules: [] }, 'admin', 't1');
      expect(await store.definitions.getDocument('ruleset', 'f.rules')).toMatchObject({
        kind: 'ruleset',
        id: 'f.rules',
        form: 'f',
        archived: false,
        published: null,
        draft: { definition: { form: 'f', rules: [] }, updatedAt: 't1', updatedBy: 'admin' },
      });
      expect(await store.definitions.definitionsGeneration()).toBe(generation);
      const published = await store.definitions.publish(
        [
          { kind: 'form', id: 'f', definition: { a: 1 }, hash: 'h1', note: '首版', clearDraft: true },
          { kind: 'ruleset', id: 'f.rules', definition: { form: 'f', rules: [] }, hash: 'r1', clearDraft: false },
        ],
        'admin',
        't2',
      );
      expect(published).toEqual([
        { kind: 'form', id: 'f', version: 1, created: true },
        { kind: 'ruleset', id: 'f.rules', version: 1, created: true },
      ]);
      expect(await store.definitions.definitionsGeneration()).toBeGreaterThan(generation);
      // A publish that keeps the draft keeps it.
      expect((await store.definitions.getDocument('ruleset', 'f.rules'))?.draft?.definition).toEqual({ form: 'f', rules: [] });
      expect(await store.definitions.listVersions('form', 'f')).toEqual([
        { kind: 'form', id: 'f', version: 1, hash: 'h1', publishedAt: 't2', publishedBy: 'admin', note: '首版' },
      ]);
      expect(await store.definitions.getVersion('form', 'f', 2)).toBeNull();
      expect(await store.definitions.getDocument('form', 'nope')).toBeNull();
      const before = await store.definitions.definitionsGeneration();
      expect(await store.definitions.setArchived('form', 'f', true, 'admin', 't3')).toBe(true);
      expect(await store.definitions.setArchived('form', 'nope', true, 'admin', 't3')).toBe(false);
      expect(await store.definitions.definitionsGeneration()).toBeGreaterThan(before);
      expect((await store.definitions.listDocuments('form')).map((d) => [d.id, d.archived, d.published?.version])).toEqual([
        ['f', true, 1],
      ]);
      expect(await store.definitions.discardDraft('form', 'f', 'admin', 't4')).toBe(false);
      expect((await store.audit.listAudit({ entity: 'definition', entityId: 'form:f', limit: 10 })).map((a) => a.action)).toEqual([
        'archive',
        'publish v1',
      ]);
      await store.close();
    });

    it('records: when records are listed by status, assignee, store, time, deadline state, a date field and keyset, then each filter holds', async () => {
      const store = await open();
      const at = (day: number) => `2025-10-${String(day).padStart(2, '0')}T00:00:00.000Z`;
      await store.records.writeRecord(
        write(sampleRecord('a', { createdAt: at(1), status: 'open', assignee: 'tech', store: 's1', data: { day: '2025-09-30' } })),
      );
      await store.records.writeRecord({
        ...write(sampleRecord('b', { createdAt: at(2), status: 'done', assignee: 'other', store: 's2', data: { day: '2025-10-05' } })),
        deadlines: [deadline('b', 'arrive', { state: 'breached' })],
      });
      await store.records.writeRecord(
        write(sampleRecord('c', { createdAt: at(3), status: 'open', assignee: null, store: 's2', data: {} })),
      );
      const ids = async (filter: Partial<Parameters<Store['listRecords']>[0]>) =>
        (await store.records.listRecords({ limit: 10, offset: 0, ...filter })).items.map((r) => r.id);
      expect(await ids({})).toEqual(['c', 'b', 'a']);
      expect(await ids({ status: 'open' })).toEqual(['c', 'a']);
      expect(await ids({ assignee: 'tech' })).toEqual(['a']);
      expect(await ids({ store: 's2' })).toEqual(['c', 'b']);
      expect(await ids({ createdFrom: at(2), createdTo: at(2) })).toEqual(['b']);
      expect(await ids({ deadlineState: 'breached' })).toEqual(['b']);
      expect(await ids({ dataRange: { field: 'day', kind: 'date', from: '2025-10-01' } })).toEqual(['b']);
      expect(await ids({ dataRange: { field: 'day', kind: 'date' } })).toEqual(['b', 'a']);
      expect(await ids({ limit: 1, offset: 1 })).toEqual(['b']);
      expect(await ids({ after: [at(3), 'c'] })).toEqual(['b', 'a']);
      expect(await store.records.getRecord('nope')).toBeNull();
      await store.close();
    });

    it('approvals: when an approval is asked and decided, then it is decided once, both audited, and found by state, approver and record', async () => {
      const store = await open();
      await store.records.writeRecord({
        ...write(sampleRecord('r1')),
        approvals: [approval('a1'), approval('a2', { approver: 'deputyGeneralManager', before: 'closed' })],
      });
      const decided = {
        ...approval('a1'),
        state: 'approved' as const,
        decidedBy: 'boss',
        decidedAt: '2025-10-09T01:00:00.000Z',
        comment: '同意',
      };
      expect(await store.approvals.decideApproval(decided, 'boss')).toBe(true);
      expect(await store.approvals.decideApproval({ ...decided, state: 'rejected' }, 'boss')).toBe(false);
      expect(await store.approvals.getApproval('a1')).toMatchObject({ state: 'approved', decidedBy: 'boss', comment: '同意' });
      expect(await store.approvals.getApproval('nope')).toBeNull();
      expect((await store.approvals.listApprovals({ state: 'pending' })).map((a) => a.id)).toEqual(['a2']);
      expect((await store.approvals.listApprovals({ approvers: ['generalManager'] })).map((a) => a.id)).toEqual(['a1']);
      expect((await store.approvals.listApprovals({ recordId: 'r1' })).map((a) => a.id).sort()).toEqual(['a1', 'a2']);
      expect((await store.approvals.listApprovals({ recordId: 'other' })).length).toBe(0);
      expect(await store.audit.listAudit({ entity: 'approval', entityId: 'a1', limit: 10 })).toMatchObject([
        { actor: 'boss', action: 'approved', before: 'pending', after: { state: 'approved', comment: '同意', recordId: 'r1' } },
        { actor: 'clerk', action: 'asked', before: null, after: { state: 'pending', recordId: 'r1' } },
      ]);
      await store.close();
    });

    it('deadlines: when one deadline is breached or reminded twice, then its fines, notices and audit entry are posted once', async () => {
      const store = await open();
      await store.records.writeRecord({
        ...write(sampleRecord('r1')),
        deadlines: [deadline('r1', 'arrive'), deadline('r1', 'finish', { formId: 'g' })],
      });
      const [row] = await store.deadlines.listDeadlines({ formId: 'f' });
      const now = '2025-10-10T00:00:00.000Z';
      expect(await store.deadlines.recordBreach(row!, [fine('f1', { origin: 'breach' })], [notice('n1', now)], now)).toBe(true);
      expect(await store.deadlines.recordBreach(row!, [fine('f2', { origin: 'breach' })], [notice('n2', now)], now)).toBe(false);
      expect((await store.fines.listFines({})).map((f) => f.id)).toEqual(['f1']);
      expect((await store.notifications.listNotifications({ limit: 10 })).map((n) => n.id)).toEqual(['n1']);
      expect((await store.audit.listAudit({ entity: 'record', entityId: 'r1', limit: 10 })).map((a) => a.action)).toEqual([
        'deadline arrive breached',
        'create',
      ]);
      expect((await store.deadlines.listDeadlines({ state: 'breached' })).map((d) => d.key)).toEqual(['arrive']);
      expect((await store.deadlines.listDeadlines({ state: 'open', formId: 'g' })).map((d) => d.key)).toEqual(['finish']);
      const [due] = await store.deadlines.dueReminders(now);
      expect(await store.deadlines.markReminded(due!, notice('r1', now))).toBe(true);
      expect(await store.deadlines.markReminded(due!, notice('r2', now))).toBe(false);
      expect(await store.deadlines.dueReminders(now)).toEqual([]);
      expect((await store.notifications.listNotifications({ limit: 10 })).map((n) => n.id).sort()).toEqual(['n1', 'r1']);
      await store.close();
    });

    it('deadlines: when a record is rewritten, then its open deadlines are replaced by the new ones and a breached one stays, even when no longer computed', async () => {
      const store = await open();
      const first = sampleRecord('r1');
      await store.records.writeRecord({
        ...write(first),
        deadlines: [deadline('r1', 'arrive'), deadline('r1', 'finish'), deadline('r1', 'visit')],
      });
      const [arrive] = await store.deadlines.listDeadlines({ recordIds: ['r1'] });
      expect(await store.deadlines.recordBreaches([{ row: arrive!, fines: [], notifications: [] }], '2025-10-10T00:00:00.000Z')).toBe(1);
      const second = { ...first, rev: 2 };
      await store.records.writeRecord({
        ...write(second, first),
        deadlines: [deadline('r1', 'finish', { dueAt: '2025-10-12T00:00:00.000Z' }), deadline('r1', 'return')],
      });
      const rows = await store.deadlines.listDeadlines({ recordIds: ['r1'] });
      expect(rows.map((d) => [d.key, d.state, d.dueAt]).sort()).toEqual([
        ['arrive', 'breached', '2025-10-09T06:00:00.000Z'],
        ['finish', 'open', '2025-10-12T00:00:00.000Z'],
        ['return', 'open', '2025-10-09T06:00:00.000Z'],
      ]);
      await store.close();
    });

    it('fines: when the ledger is read, then a fine is found by id, and filters by person, month (in China time) and form hold, newest first', async () => {
      const store = await open();
      await store.records.writeRecord({
        ...write(sampleRecord('r1')),
        fines: [
          fine('f1', { postedAt: '2025-09-30T23:00:00.000Z' }),
          fine('f2', { postedAt: '2025-10-02T00:00:00.000Z', person: '李' }),
          fine('f3', { postedAt: '2025-10-03T00:00:00.000Z', formId: 'g' }),
        ],
      });
      expect(await store.fines.getFine('f2')).toEqual(fine('f2', { postedAt: '2025-10-02T00:00:00.000Z', person: '李' }));
      expect(await store.fines.getFine('nope')).toBeNull();
      const ids = async (filter: Parameters<Store['listFines']>[0]) => (await store.fines.listFines(filter)).map((f) => f.id);
      expect(await ids({})).toEqual(['f3', 'f2', 'f1']);
      expect(await ids({ person: '王' })).toEqual(['f3', 'f1']);
      // f1 was posted at 07:00 on 1 October in China (23:00 UTC the day before): an October fine.
      expect(await ids({ month: '2025-10' })).toEqual(['f3', 'f2', 'f1']);
      expect(await ids({ month: '2025-09' })).toEqual([]);
      expect(await ids({ formId: 'g' })).toEqual(['f3']);
      await store.close();
    });

    it('notifications: when notices are listed, then the newest come first, at most the limit, of the roles asked', async () => {
      const store = await open();
      for (const [i, role] of ['technician', 'afterSalesManager', 'technician', 'technician'].entries())
        expect(await store.notifications.postNotification(notice(`n${i}`, `2025-10-0${i + 1}T00:00:00.000Z`, role))).toBe(true);
      expect((await store.notifications.listNotifications({ limit: 2 })).map((n) => n.id)).toEqual(['n3', 'n2']);
      expect((await store.notifications.listNotifications({ roles: ['afterSalesManager'], limit: 10 })).map((n) => n.id)).toEqual(['n1']);
      expect((await store.notifications.pageNotifications({ roles: ['technician'], limit: 10 })).total).toBe(3);
      await store.close();
    });

    it('audit: when entries are appended, then they read newest first by entity, and a page before an id holds only older ones', async () => {
      const store = await open();
      for (let i = 0; i < 5; i++)
        await store.audit.appendAudit({
          at: `2025-10-0${i + 1}T00:00:00.000Z`,
          actor: 'admin',
          entity: i % 2 ? 'user' : 'file',
          entityId: `e${i % 2}`,
          action: `a${i}`,
          before: null,
          after: { i },
        });
      const all = await store.audit.listAudit({ limit: 10 });
      expect(all.map((a) => a.action)).toEqual(['a4', 'a3', 'a2', 'a1', 'a0']);
      expect(all[0]).toMatchObject({
        at: '2025-10-05T00:00:00.000Z',
        actor: 'admin',
        entity: 'file',
        entityId: 'e0',
        before: null,
        after: { i: 4 },
      });
      expect((await store.audit.listAudit({ entity: 'user', limit: 10 })).map((a) => a.action)).toEqual(['a3', 'a1']);
      expect((await store.audit.listAudit({ entity: 'file', entityId: 'e0', limit: 2 })).map((a) => a.action)).toEqual(['a4', 'a2']);
      await store.close();
    });

    it('audit: when the log is paged, then each page continues after the last entry of the one before, with the total of the filter', async () => {
      const store = await open();
      for (let i = 0; i < 7; i++)
        await store.audit.appendAudit({
          at: `2025-10-0${i + 1}T00:00:00.000Z`,
          actor: 'admin',
          entity: i % 3 === 0 ? 'user' : 'record',
          entityId: i % 3 === 0 ? 'u1' : 'r1',
          action: `a${i}`,
          before: null,
          after: { i },
        });
      const walk = async (filter: { entity?: AuditEntry['entity']; entityId?: string }) => {
        const pages: { actions: string[]; total: number; more: boolean }[] = [];
        let after: [number] | undefined;
        for (;;) {
          const page = await store.audit.pageAudit({ ...filter, limit: 2, ...(after ? { after } : {}) });
          pages.push({ actions: page.items.map((a) => a.action), total: page.total, more: page.more });
          if (!page.more) return pages;
          after = [page.items.at(-1)!.id];
        }
      };
      expect(await walk({})).toEqual([
        { actions: ['a6', 'a5'], total: 7, more: true },
        { actions: ['a4', 'a3'], total: 7, more: true },
        { actions: ['a2', 'a1'], total: 7, more: true },
        { actions: ['a0'], total: 7, more: false },
      ]);
      expect(await walk({ entity: 'record', entityId: 'r1' })).toEqual([
        { actions: ['a5', 'a4'], total: 4, more: true },
        { actions: ['a2', 'a1'], total: 4, more: false },
      ]);
      expect(await walk({ entity: 'user', entityId: 'nobody' })).toEqual([{ actions: [], total: 0, more: false }]);
      await store.close();
    });

    it("audit: when a record's history is paged, then its own entries and its approvals' (asked, decided, withdrawn, escalated) come newest first, each once, with the total", async () => {
      const store = await open();
      const first = sampleRecord('r1');
      const gm = approval('a1');
      const deputy = approval('a2', { approver: 'deputyGeneralManager', before: 'closed' });
      await store.records.writeRecord({ ...write(first), approvals: [gm, deputy] });
      // Another record's entries and approvals, and another entity's, are not in r1's history.
      await store.records.writeRecord({ ...write(sampleRecord('r2')), approvals: [approval('b1', { recordId: 'r2' })] });
      await store.audit.appendAudit({
        at: 'x',
        actor: 'admin',
        entity: 'user',
        entityId: 'r1',
        action: 'sign-in',
        before: null,
        after: null,
      });
      const decided = (a: Approval, state: Approval['state'], by: string, comment: string | null): Approval => ({
        ...a,
        state,
        decidedBy: by,
        decidedAt: '2025-10-09T03:00:00.000Z',
        comment,
      });
      expect(await store.approvals.decideApproval(decided(gm, 'approved', 'boss', '同意'), 'boss')).toBe(true);
      // An edit asks again for what is held (not added, not audited) and newly for a3.
      const third = approval('a3', { approver: 'afterSalesManager', before: 'resolved' });
      await store.records.writeRecord({ ...write({ ...first, rev: 2 }, first), approvals: [gm, third] });
      expect(await store.approvals.markEscalated(['a2'], '2025-10-10T02:00:00.000Z', 'generalManager')).toEqual(['a2']);
      expect(await store.approvals.decideApproval(decided(third, 'withdrawn', 'boss', '录入错误'), 'boss')).toBe(true);
      expect(await store.approvals.decideApproval(decided(deputy, 'rejected', 'gm', null), 'gm')).toBe(true);
      // An entry appended about the record as an entity is in its history too.
      await store.audit.appendAudit({
        at: 'y',
        actor: 'admin',
        entity: 'record',
        entityId: 'r1',
        action: 'note',
        before: null,
        after: null,
      });

      const seen: AuditEntry[] = [];
      const totals = new Set<number>();
      let after: [number] | undefined;
      for (let pages = 0; pages < 20; pages++) {
        const page = await store.audit.pageAudit({ recordId: 'r1', limit: 2, ...(after ? { after } : {}) });
        seen.push(...page.items);
        totals.add(page.total);
        if (!page.more) break;
        after = [page.items.at(-1)!.id];
      }
      expect(seen.map((a) => `${a.action} ${a.entity === 'approval' ? a.entityId : a.entity}`)).toEqual([
        'note record',
        'rejected a2',
        'withdrawn a3',
        'escalated a2',
        'asked a3',
        'update record',
        'approved a1',
        'asked a2',
        'asked a1',
        'create record',
      ]);
      expect(new Set(seen.map((a) => a.id)).size).toBe(seen.length);
      expect([...totals]).toEqual([10]);
      expect(seen.every((a) => a.recordId === 'r1')).toBe(true);
      expect(seen.find((a) => a.action === 'approved')).toMatchObject({
        actor: 'boss',
        at: '2025-10-09T03:00:00.000Z',
        entity: 'approval',
        after: { state: 'approved', comment: '同意', approver: 'generalManager', reason: { 'zh-CN': '审批', en: 'Approve' } },
      });
      expect(seen.find((a) => a.action === 'asked')).toMatchObject({
        actor: 'clerk',
        at: third.createdAt,
        after: { state: 'pending', approver: 'afterSalesManager', beforeStatus: 'resolved', reason: { 'zh-CN': '审批', en: 'Approve' } },
      });
      expect(seen.find((a) => a.action === 'escalated')).toMatchObject({
        at: '2025-10-10T02:00:00.000Z',
        after: { escalatedTo: 'generalManager', approver: 'deputyGeneralManager' },
      });
      const other = await store.audit.pageAudit({ recordId: 'r2', limit: 10 });
      expect(other.items.map((a) => a.action)).toEqual(['asked', 'create']);
      expect((await store.audit.pageAudit({ recordId: 'none', limit: 10 })).total).toBe(0);
      await store.close();
    });

    it("audit: when a record's fines are waived or corrected, then the entries are in its history; left out by entity, they are on no page and not in the total", async () => {
      const store = await open();
      await store.records.writeRecord({
        ...write(sampleRecord('r1')),
        approvals: [approval('a1')],
        fines: [fine('f1', { amount: 50, origin: 'breach' }), fine('f2', { amount: 30 })],
      });
      await store.records.writeRecord({ ...write(sampleRecord('r2')), fines: [fine('g1', { recordId: 'r2' })] });
      const reversal = (of: FineEntry, note: string): FineEntry => ({
        ...of,
        id: `${of.id}-r`,
        uniqueKey: `${of.uniqueKey}|reversal`,
        amount: -of.amount,
        origin: 'reversal',
        corrects: of.id,
        correctedBy: 'boss',
        note,
      });
      const f1 = fine('f1', { amount: 50, origin: 'breach' });
      const f2 = fine('f2', { amount: 30 });
      expect(
        await store.fines.reverseFine({ reversal: reversal(f1, '客户原因'), replacement: null }, 'boss', '2025-10-10T02:00:00.000Z'),
      ).toBe(true);
      const replacement: FineEntry = { ...f2, id: 'f2-c', uniqueKey: 'f2|correction', amount: 20, origin: 'correction', corrects: 'f2' };
      expect(
        await store.fines.reverseFine({ reversal: reversal(f2, '只收了 20 元'), replacement }, 'boss', '2025-10-10T03:00:00.000Z'),
      ).toBe(true);
      expect(
        await store.fines.reverseFine({ reversal: reversal(fine('g1', { recordId: 'r2' }), '重复'), replacement: null }, 'boss', 'z'),
      ).toBe(true);

      /** Every page of r1's history at one entry a page: what each says, and the totals the pages gave. */
      const walk = async (exceptEntities?: AuditEntry['entity'][]) => {
        const seen: AuditEntry[] = [];
        const totals = new Set<number>();
        let after: [number] | undefined;
        for (let pages = 0; pages < 20; pages++) {
          const page = await store.audit.pageAudit({
            recordId: 'r1',
            limit: 1,
            ...(exceptEntities ? { exceptEntities } : {}),
            ...(after ? { after } : {}),
          });
          seen.push(...page.items);
          totals.add(page.total);
          if (!page.more) break;
          after = [page.items.at(-1)!.id];
        }
        return { said: seen.map((a) => `${a.action} ${a.entity === 'record' ? a.entity : a.entityId}`), totals: [...totals], seen };
      };
      const all = await walk();
      expect(all.said).toEqual(['fine corrected f2', 'fine waived f1', 'asked a1', 'create record']);
      expect(all.totals).toEqual([4]);
      expect(all.seen.every((a) => a.recordId === 'r1')).toBe(true);
      expect(all.seen[0]).toMatchObject({
        actor: 'boss',
        at: '2025-10-10T03:00:00.000Z',
        entity: 'fine',
        before: { amount: 30 },
        after: { amount: 20, reason: '只收了 20 元' },
      });
      expect(all.seen[1]).toMatchObject({ entity: 'fine', before: { amount: 50 }, after: { amount: 0, reason: '客户原因' } });
      // For those the fines ledger is not for: the fines' entries are on no page and not counted.
      const withoutFines = await walk(['fine']);
      expect(withoutFines.said).toEqual(['asked a1', 'create record']);
      expect(withoutFines.totals).toEqual([2]);
      expect((await walk(['fine', 'approval'])).said).toEqual(['create record']);
      // The other record's waiver is its own; the fine's entries still read by entity.
      expect((await store.audit.pageAudit({ recordId: 'r2', limit: 10 })).items.map((a) => `${a.action} ${a.entityId}`)).toEqual([
        'fine waived g1',
        'create r2',
      ]);
      expect((await store.audit.pageAudit({ entity: 'fine', entityId: 'f1', limit: 10 })).items.map((a) => a.action)).toEqual([
        'fine waived',
      ]);
      expect((await store.audit.pageAudit({ entity: 'fine', exceptEntities: ['fine'], limit: 10 })).total).toBe(0);
      await store.close();
    });

    it('deadlines: when open deadlines are paged by calendar, then only open ones counted on it come, by record and key, after the cursor', async () => {
      const store = await open();
      const on = (recordId: string, key: string, calendar: string, state: DeadlineRow['state'] = 'open') =>
        deadline(recordId, key, { state, deadline: { key, metAt: null, dueAt: '2025-10-09T06:00:00.000Z', calendar } as never });
      await store.records.writeRecord({
        ...write(sampleRecord('r1')),
        deadlines: [on('r1', 'b', 'c1'), on('r1', 'a', 'c1'), on('r1', 'c', 'c2'), on('r1', 'd', 'c1', 'met')],
      });
      await store.records.writeRecord({ ...write(sampleRecord('r2')), deadlines: [on('r2', 'a', 'c1')] });
      const keys = (rows: DeadlineRow[]) => rows.map((r) => `${r.recordId}/${r.key}`);
      expect(keys(await store.deadlines.pageOpenDeadlinesOnCalendar('c1', 10))).toEqual(['r1/a', 'r1/b', 'r2/a']);
      expect(keys(await store.deadlines.pageOpenDeadlinesOnCalendar('c1', 2))).toEqual(['r1/a', 'r1/b']);
      expect(keys(await store.deadlines.pageOpenDeadlinesOnCalendar('c1', 2, ['r1', 'b']))).toEqual(['r2/a']);
      expect(keys(await store.deadlines.pageOpenDeadlinesOnCalendar('c2', 10))).toEqual(['r1/c']);
      await store.close();
    });

    describe('approvals: escalation marks and store scope', () => {
      it('when pending approvals are read for escalation, then only unmarked ones in the range come, oldest first, with their store, and each is marked once', async () => {
        const store = await open();
        await store.records.writeRecord({
          ...write(sampleRecord('r1', { store: 's2' })),
          approvals: [
            approval('old', { createdAt: '2025-10-01T00:00:00.000Z', before: 'b2' }),
            approval('older', { createdAt: '2025-09-30T00:00:00.000Z', before: 'b3' }),
            approval('new', { createdAt: '2025-10-05T00:00:00.000Z', before: 'b4' }),
            approval('done', { createdAt: '2025-09-01T00:00:00.000Z', approver: 'deputyGeneralManager' }),
          ],
        });
        await store.approvals.decideApproval(
          { ...approval('done'), state: 'approved', decidedBy: 'b', decidedAt: 'x', comment: null },
          'b',
        );
        const upTo = (limit: number, after?: [string, string]) =>
          store.approvals.pendingUnescalated({ createdUpTo: '2025-10-02T00:00:00.000Z', limit, ...(after ? { after } : {}) });
        expect((await upTo(10)).map((p) => [p.approval.id, p.store])).toEqual([
          ['older', 's2'],
          ['old', 's2'],
        ]);
        expect((await upTo(1, ['2025-09-30T00:00:00.000Z', 'older'])).map((p) => p.approval.id)).toEqual(['old']);
        const young = await store.approvals.pendingUnescalated({ createdAfter: '2025-10-02T00:00:00.000Z', limit: 10 });
        expect(young.map((p) => p.approval.id)).toEqual(['new']);

        // Two instances mark the same page: each approval is marked by one of them; decided ones never.
        const [first, second] = await Promise.all([
          store.approvals.markEscalated(['older', 'old', 'done'], '2025-10-03T00:00:00.000Z', 'generalManager'),
          store.approvals.markEscalated(['older', 'old', 'done'], '2025-10-03T00:00:01.000Z', 'generalManager'),
        ]);
        expect([...first, ...second].sort()).toEqual(['old', 'older']);
        const audited = await store.audit.pageAudit({ recordId: 'r1', limit: 50 });
        expect(
          audited.items
            .filter((a) => a.action === 'escalated')
            .map((a) => a.entityId)
            .sort(),
        ).toEqual(['old', 'older']);
        expect(await upTo(10)).toEqual([]);
        expect((await store.approvals.getApproval('old'))?.escalatedAt).toMatch(/^2025-10-03T00:00:0[01]\.000Z$/);
        expect((await store.approvals.getApproval('new'))?.escalatedAt).toBeUndefined();

        // The escalation role's holders see escalated pending approvals whatever their approver.
        const inbox = await store.approvals.pageApprovals({
          state: 'pending',
          approvers: ['afterSalesManager'],
          alsoEscalated: true,
          limit: 10,
        });
        expect(inbox.items.map((a) => a.id)).toEqual(['old', 'older']);
        await store.close();
      });

      it('when only approvals nobody can decide are asked for, then those whose role is held in their store (or everywhere) are skipped', async () => {
        const store = await open();
        const a = (id: string, recordId: string, approver: string) => approval(id, { recordId, approver, before: id });
        await store.records.writeRecord({
          ...write(sampleRecord('r1', { store: 's1' })),
          approvals: [a('held-in-store', 'r1', 'deputy')],
        });
        await store.records.writeRecord({
          ...write(sampleRecord('r2', { store: 's2' })),
          approvals: [a('other-store', 'r2', 'deputy'), a('held-everywhere', 'r2', 'gm'), a('nobody', 'r2', 'clerk')],
        });
        await store.records.writeRecord({ ...write(sampleRecord('r3', { store: null })), approvals: [a('no-store', 'r3', 'deputy')] });
        const unheld = { everywhere: ['gm'], inStores: [{ approver: 'deputy', stores: ['s1', 's9'] }] };
        const ids = (await store.approvals.pendingUnescalated({ unheld, limit: 10 })).map((p) => p.approval.id).sort();
        expect(ids).toEqual(['nobody', 'other-store']);
        await store.close();
      });

      it('when a record moves store or the inbox is scoped, then approvals follow the record: its store, its creator and its assignee', async () => {
        const store = await open();
        const r1 = sampleRecord('r1', { store: 's1', createdBy: 'clerk', assignee: null });
        await store.records.writeRecord({ ...write(r1), approvals: [approval('a1')] });
        await store.records.writeRecord({
          ...write(sampleRecord('r2', { store: 's3', createdBy: 'other', assignee: 'tech' })),
          approvals: [approval('a2', { recordId: 'r2', createdAt: '2025-10-09T01:00:00.000Z' })],
        });
        const moved = { ...r1, store: 's2', rev: 2, updatedAt: '2025-10-10T00:00:00.000Z' };
        await store.records.writeRecord(write(moved, r1));
        expect((await store.approvals.pendingUnescalated({ limit: 10 })).map((p) => [p.approval.id, p.store])).toEqual([
          ['a1', 's2'],
          ['a2', 's3'],
        ]);
        const seen = async (username: string, stores: string[]) =>
          (await store.approvals.pageApprovals({ visibleTo: { username, stores }, limit: 10 })).items.map((a) => a.id);
        expect(await seen('nobody', ['s1'])).toEqual([]);
        expect(await seen('nobody', ['s2'])).toEqual(['a1']);
        expect(await seen('clerk', [])).toEqual(['a1']);
        expect(await seen('tech', [])).toEqual(['a2']);
        expect(await seen('tech', ['s2'])).toEqual(['a2', 'a1']);
        await store.close();
      });
    });
    describe('records: linked records', () => {
      it('when visits link to a ticket, then the ticket lists them newest first; an edit replaces a visit’s links and a write without links keeps them', async () => {
        const store = await open();
        await store.records.writeRecord(write(sampleRecord('ticket', { createdAt: '2025-10-01T00:00:00.000Z' })));
        await store.records.writeRecord(write(sampleRecord('other', { createdAt: '2025-10-01T00:00:00.000Z' })));
        const v1 = sampleRecord('v1', { createdAt: '2025-10-02T00:00:00.000Z', data: { ticketRef: 'ticket' } });
        const v2 = sampleRecord('v2', { createdAt: '2025-10-03T00:00:00.000Z', data: { ticketRef: 'ticket' } });
        await store.records.writeRecord({ ...write(v1), links: [{ field: 'ticketRef', toId: 'ticket' }] });
        await store.records.writeRecord({ ...write(v2), links: [{ field: 'ticketRef', toId: 'ticket' }] });
        const linking = async (id: string, limit = 10) => (await store.records.linkingRecords(id, limit)).map((r) => r.id);
        expect(await linking('ticket')).toEqual(['v2', 'v1']);
        expect(await linking('ticket', 1)).toEqual(['v2']);
        const v1b = { ...v1, data: { ticketRef: 'other' }, rev: 2 };
        await store.records.writeRecord({ ...write(v1b, v1), links: [{ field: 'ticketRef', toId: 'other' }] });
        expect(await linking('ticket')).toEqual(['v2']);
        expect(await linking('other')).toEqual(['v1']);
        await store.records.writeRecord(write({ ...v1b, rev: 3 }, v1b));
        expect(await linking('other')).toEqual(['v1']);
        await store.records.writeRecord({ ...write({ ...v1b, rev: 4 }, { ...v1b, rev: 3 }), links: [] });
        expect(await linking('other')).toEqual([]);
        await store.close();
      });

      it('when a write moves a linked record, then both are written and audited in one unit; a stale linked record undoes both', async () => {
        const store = await open();
        const ticket = sampleRecord('t', { status: 'completed' });
        await store.records.writeRecord(write(ticket));
        const visit = sampleRecord('v', { status: 'planned', data: { ticketRef: 't' } });
        const moved = { ...ticket, status: 'dispatched', rev: 2 };
        await store.records.writeRecord({
          ...write(visit),
          links: [{ field: 'ticketRef', toId: 't' }],
          linked: [{ ...write(moved, ticket), action: 'status completed -> dispatched by link' }],
        });
        expect((await store.records.getRecord('t'))?.status).toBe('dispatched');
        expect((await store.audit.listAudit({ entity: 'record', entityId: 't', limit: 10 })).map((a) => a.action)).toEqual([
          'status completed -> dispatched by link',
          'create',
        ]);
        // The linked record changed meanwhile (rev 1 is stale): neither the visit nor the move is kept.
        const second = sampleRecord('v2', { data: { ticketRef: 't' } });
        await expect(
          store.records.writeRecord({
            ...write(second),
            links: [{ field: 'ticketRef', toId: 't' }],
            linked: [{ ...write({ ...ticket, status: 'revisited', rev: 2 }, ticket), action: 'status completed -> revisited by link' }],
          }),
        ).rejects.toThrow();
        expect(await store.records.getRecord('v2')).toBeNull();
        expect((await store.records.getRecord('t'))?.status).toBe('dispatched');
        expect((await store.records.linkingRecords('t', 10)).map((r) => r.id)).toEqual(['v']);
        await store.close();
      });
    });

    it('store names: when stores are named and renamed, then each id has its latest name, listed by id', async () => {
      const store = await open();
      expect(await store.storeNames.storeNames()).toEqual([]);
      expect(await store.storeNames.setStoreName('jiefang', '解放路店', '2025-10-01T00:00:00.000Z')).toEqual({
        id: 'jiefang',
        name: '解放路店',
        updatedAt: '2025-10-01T00:00:00.000Z',
      });
      await store.storeNames.setStoreName('beizhan', '北站店', '2025-10-01T00:00:00.000Z');
      await store.storeNames.setStoreName('jiefang', '解放路旗舰店', '2025-10-02T00:00:00.000Z');
      expect(await store.storeNames.storeNames()).toEqual([
        { id: 'beizhan', name: '北站店', updatedAt: '2025-10-01T00:00:00.000Z' },
        { id: 'jiefang', name: '解放路旗舰店', updatedAt: '2025-10-02T00:00:00.000Z' },
      ]);
      expect(await store.storeNames.storeName('jiefang')).toEqual({
        id: 'jiefang',
        name: '解放路旗舰店',
        updatedAt: '2025-10-02T00:00:00.000Z',
      });
      expect(await store.storeNames.storeName('nowhere')).toBeNull();
      await store.close();
    });
  });
}
