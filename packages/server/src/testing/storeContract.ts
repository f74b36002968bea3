import { describe, expect, it } from 'vitest';
import type { Store } from '../store/Store.js';
import type { RecordPageFilter } from '../store/paging.js';
import { openImpactReader } from '../store/impactReader.js';
import type { ImpactPartFilter } from '../store/impactRows.js';
import type { StoredRecord } from '../store/types.js';
import { assignedCursor, type AssignedCursor } from '../store/assignedRecords.js';
import { describeRepositoryContract } from './storeRepositoryContract.js';

const evaluation = {
  form: { id: 'f', version: 1 },
  ruleSets: [],
  evaluatedAt: '',
  valid: true,
  errors: [],
  outcome: { deadlines: [], fines: [], approvals: [], amounts: [], blocks: [], notices: [] },
  trace: [],
  warnings: [],
};

export const sampleRecord = (id: string, overrides: Partial<StoredRecord> = {}): StoredRecord => ({
  id,
  formId: 'f',
  formVersion: 1,
  ruleSetVersions: { 'f.rules': 2 },
  status: 'received',
  data: { text: '文本' },
  evaluation,
  store: 's1',
  assignee: 'tech',
  createdBy: 'clerk',
  createdAt: '2025-10-09T02:00:00.000Z',
  updatedAt: '2025-10-09T02:00:00.000Z',
  rev: 1,
  ...overrides,
});

/** The write of a record with nothing else (no approvals, deadlines, fines or notices): created, or updated from `previous`. */
export const sampleWrite = (record: StoredRecord, previous: StoredRecord | null = null) => ({
  record,
  previous,
  actor: 'clerk',
  action: previous ? 'update' : 'create',
  approvals: [],
  deadlines: [],
  fines: [],
  notifications: [],
});

/** The behaviour every Store adapter must have; run against each adapter. */
export function describeStoreContract(name: string, open: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    it('when a user name is taken, then creating it again is a conflict', async () => {
      const store = await open();
      const user = {
        id: 'u1',
        username: 'li',
        displayName: '李',
        passwordHash: 'h',
        roles: ['staff' as const],
        policyRoles: ['technician'],
        stores: ['s1'],
        createdAt: 'now',
      };
      await store.createUser(user);
      await expect(store.createUser({ ...user, id: 'u2' })).rejects.toMatchObject({ code: 'conflict' });
      expect(await store.userByUsername('li')).toEqual(user);
      await store.close();
    });

    it('when the same content is published twice, then no new version is made; new content makes the next version', async () => {
      const store = await open();
      const item = (definition: unknown, hash: string) => ({ kind: 'form' as const, id: 'f', definition, hash, clearDraft: true });
      expect(await store.publish([item({ a: 1 }, 'h1')], 'admin', 't1')).toEqual([{ kind: 'form', id: 'f', version: 1, created: true }]);
      expect(await store.publish([item({ a: 1 }, 'h1')], 'admin', 't2')).toEqual([{ kind: 'form', id: 'f', version: 1, created: false }]);
      expect(await store.publish([item({ a: 2 }, 'h2')], 'admin', 't3')).toEqual([{ kind: 'form', id: 'f', version: 2, created: true }]);
      expect((await store.getVersion('form', 'f', 1))?.definition).toEqual({ a: 1 });
      expect((await store.listVersions('form', 'f')).map((v) => v.version)).toEqual([2, 1]);
      await store.close();
    });

    it('when a draft is saved and discarded, then the published version stays and the audit log has both', async () => {
      const store = await open();
      await store.saveDraft('form', 'g', { b: 1 }, 'admin', 't1');
      expect((await store.getDocument('form', 'g'))?.draft?.definition).toEqual({ b: 1 });
      expect(await store.discardDraft('form', 'g', 'admin', 't2')).toBe(true);
      expect((await store.getDocument('form', 'g'))?.draft).toBeNull();
      expect((await store.listAudit({ entity: 'definition', entityId: 'form:g', limit: 10 })).map((a) => a.action)).toEqual([
        'draft.discard',
        'draft.save',
      ]);
      await store.close();
    });

    it('when a record is written with a stale revision, then it is a conflict and the stored record is unchanged', async () => {
      const store = await open();
      const first = sampleRecord('r1');
      await store.writeRecord(sampleWrite(first));
      const second = { ...first, data: { text: 'b' }, rev: 2 };
      await store.writeRecord(sampleWrite(second, first));
      await expect(store.writeRecord(sampleWrite({ ...first, data: { text: 'c' }, rev: 2 }, first))).rejects.toMatchObject({
        code: 'conflict',
      });
      expect((await store.getRecord('r1'))?.data).toEqual({ text: 'b' });
      await store.close();
    });

    it('when two updates from the same revision race, then exactly one is stored and the other is a conflict', async () => {
      const store = await open();
      const first = sampleRecord('race');
      await store.writeRecord(sampleWrite(first));
      const results = await Promise.allSettled([
        store.writeRecord(sampleWrite({ ...first, data: { text: 'a' }, rev: 2 }, first)),
        store.writeRecord(sampleWrite({ ...first, data: { text: 'b' }, rev: 2 }, first)),
        store.writeRecord(sampleWrite(sampleRecord('race-other'))),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'conflict' });
      expect((await store.getRecord('race'))?.data).toEqual({ text: 'a' });
      expect(await store.getRecord('race-other')).not.toBeNull();
      await store.close();
    });

    it('when records are listed with filters and paging, then only matching ones come, newest first', async () => {
      const store = await open();
      for (let i = 0; i < 5; i++)
        await store.writeRecord(
          sampleWrite(
            sampleRecord(`p${i}`, { formId: 'paged', status: i % 2 ? 'done' : 'open', createdAt: `2025-10-0${i + 1}T00:00:00.000Z` }),
          ),
        );
      const page = await store.listRecords({ formId: 'paged', status: 'open', limit: 2, offset: 0 });
      expect(page.total).toBe(3);
      expect(page.items.map((r) => r.id)).toEqual(['p4', 'p2']);
      expect((await store.listRecords({ formId: 'paged', createdFrom: '2025-10-04T00:00:00.000Z', limit: 10, offset: 0 })).total).toBe(2);
      await store.close();
    });

    it("when a user's sessions are ended, then none of theirs is left and others' stay", async () => {
      const store = await open();
      await store.createSession({
        tokenHash: 'a1',
        userId: 'ua',
        expiresAt: '2099-01-01T00:00:00.000Z',
        lastSeenAt: '2025-01-01T00:00:00.000Z',
      });
      await store.createSession({
        tokenHash: 'a2',
        userId: 'ua',
        expiresAt: '2099-01-01T00:00:00.000Z',
        lastSeenAt: '2025-01-01T00:00:00.000Z',
      });
      await store.createSession({
        tokenHash: 'b1',
        userId: 'ub',
        expiresAt: '2099-01-01T00:00:00.000Z',
        lastSeenAt: '2025-01-01T00:00:00.000Z',
      });
      await store.deleteSessionsOf('ua');
      expect(await store.sessionByHash('a1')).toBeNull();
      expect(await store.sessionByHash('a2')).toBeNull();
      expect(await store.sessionByHash('b1')).not.toBeNull();
      await store.close();
    });

    it('when sessions are touched and purged, then the idle clock only moves forward and only ended or idle ones go', async () => {
      const store = await open();
      const session = (tokenHash: string, expiresAt: string, lastSeenAt: string) => ({ tokenHash, userId: 'u', expiresAt, lastSeenAt });
      await store.createSession(session('live', '2025-01-01T12:00:00.000Z', '2025-01-01T09:00:00.000Z'));
      await store.createSession(session('idle', '2025-01-01T12:00:00.000Z', '2025-01-01T08:00:00.000Z'));
      await store.createSession(session('over', '2025-01-01T09:10:00.000Z', '2025-01-01T09:05:00.000Z'));
      await store.touchSession('live', '2025-01-01T09:20:00.000Z');
      await store.touchSession('live', '2025-01-01T09:15:00.000Z');
      expect((await store.sessionByHash('live'))?.lastSeenAt).toBe('2025-01-01T09:20:00.000Z');
      expect(await store.purgeSessions('2025-01-01T09:30:00.000Z', '2025-01-01T09:00:00.000Z')).toBe(2);
      expect(await store.sessionByHash('idle')).toBeNull();
      expect(await store.sessionByHash('over')).toBeNull();
      expect(await store.sessionByHash('live')).not.toBeNull();
      await store.close();
    });

    it('when sign-in failures are counted, then each key counts on its own, an old count starts again, and clear and purge remove them', async () => {
      const store = await open();
      const forget = '2025-01-01T00:00:00.000Z';
      expect(await store.addLoginFailure('account:li', '2025-01-02T10:00:00.000Z', forget)).toEqual({
        key: 'account:li',
        failures: 1,
        lastFailureAt: '2025-01-02T10:00:00.000Z',
      });
      expect((await store.addLoginFailure('account:li', '2025-01-02T10:01:00.000Z', forget)).failures).toBe(2);
      expect((await store.addLoginFailure('address:10.0.0.1', '2025-01-02T10:01:00.000Z', forget)).failures).toBe(1);
      // The last failure (10:01) is before the forget line: the count starts again.
      expect((await store.addLoginFailure('account:li', '2025-01-03T10:00:00.000Z', '2025-01-03T00:00:00.000Z')).failures).toBe(1);
      const rows = await store.loginFailures(['account:li', 'address:10.0.0.1', 'account:nobody']);
      expect(rows.map((r) => [r.key, r.failures]).sort()).toEqual([
        ['account:li', 1],
        ['address:10.0.0.1', 1],
      ]);
      await store.forgiveLoginFailure('account:li');
      await store.forgiveLoginFailure('account:li');
      expect((await store.loginFailures(['account:li']))[0]?.failures).toBe(0);
      await store.clearLoginFailures('account:li');
      expect(await store.loginFailures(['account:li'])).toEqual([]);
      expect(await store.purgeLoginFailures('2025-01-02T12:00:00.000Z')).toBe(1);
      expect(await store.loginFailures(['address:10.0.0.1'])).toEqual([]);
      await store.close();
    });

    it('when a user is deactivated, then their sessions and the keys they made end in one step, audited; reactivating keeps keys revoked', async () => {
      const store = await open();
      const base = { displayName: '人', passwordHash: 'h', roles: ['admin' as const], policyRoles: [], stores: [], createdAt: 'now' };
      await store.createUser({ ...base, id: 'ud', username: 'leaver' });
      await store.createUser({ ...base, id: 'us', username: 'stayer' });
      await store.createSession({
        tokenHash: 'd1',
        userId: 'ud',
        expiresAt: '2099-01-01T00:00:00.000Z',
        lastSeenAt: '2025-01-01T00:00:00.000Z',
      });
      await store.createSession({
        tokenHash: 's1',
        userId: 'us',
        expiresAt: '2099-01-01T00:00:00.000Z',
        lastSeenAt: '2025-01-01T00:00:00.000Z',
      });
      const key = (id: string, createdBy: string) => ({
        id,
        name: id,
        keyHash: `hash-${id}`,
        scopes: [],
        createdBy,
        createdAt: 'now',
        revoked: false,
      });
      await store.createApiKey(key('kd', 'leaver'));
      await store.createApiKey(key('ks', 'stayer'));
      const done = await store.setUserDeactivated('ud', '2025-02-01T00:00:00.000Z', 'stayer', '2025-02-01T00:00:00.000Z');
      expect(done).toMatchObject({ user: { username: 'leaver', deactivatedAt: '2025-02-01T00:00:00.000Z' }, revokedKeys: ['kd'] });
      expect(await store.sessionByHash('d1')).toBeNull();
      expect(await store.sessionByHash('s1')).not.toBeNull();
      expect((await store.apiKeyByHash('hash-kd'))?.revoked).toBe(true);
      expect((await store.apiKeyByHash('hash-ks'))?.revoked).toBe(false);
      // An edit of other fields never undoes a deactivation.
      const leaver = (await store.userById('ud'))!;
      await store.updateUser({ ...leaver, displayName: '离职', deactivatedAt: undefined });
      expect((await store.userById('ud'))?.deactivatedAt).toBe('2025-02-01T00:00:00.000Z');
      expect((await store.listAudit({ entity: 'apiKey', entityId: 'kd', limit: 5 })).map((a) => a.action)).toEqual([
        'revoke (creator deactivated)',
      ]);
      await store.setUserDeactivated('ud', null, 'stayer', '2025-02-02T00:00:00.000Z');
      expect((await store.userById('ud'))?.deactivatedAt).toBeUndefined();
      expect((await store.apiKeyByHash('hash-kd'))?.revoked).toBe(true);
      expect((await store.listAudit({ entity: 'user', entityId: 'ud', limit: 5 })).map((a) => a.action)).toEqual([
        'reactivate',
        'deactivate',
      ]);
      expect(await store.setUserDeactivated('nobody', null, 'stayer', 'now')).toBeNull();
      await store.close();
    });

    it('when records are listed for a person or for what a user may see, then only theirs and their stores come', async () => {
      const store = await open();
      const seed = [
        sampleRecord('v1', { formId: 'seen', createdBy: 'li', assignee: null, store: 's1' }),
        sampleRecord('v2', { formId: 'seen', createdBy: 'wang', assignee: 'li', store: 's2' }),
        sampleRecord('v3', { formId: 'seen', createdBy: 'wang', assignee: null, store: 's3' }),
        sampleRecord('v4', { formId: 'seen', createdBy: 'zhao', assignee: null, store: null }),
      ];
      for (const record of seed) await store.writeRecord(sampleWrite(record));
      const ids = async (filter: Partial<Parameters<Store['listRecords']>[0]>) =>
        (await store.listRecords({ formId: 'seen', limit: 10, offset: 0, ...filter })).items.map((r) => r.id).sort();
      expect(await ids({ createdBy: 'wang' })).toEqual(['v2', 'v3']);
      expect(await ids({ person: 'li' })).toEqual(['v1', 'v2']);
      expect(await ids({ visibleTo: { username: 'li', stores: ['s3'] } })).toEqual(['v1', 'v2', 'v3']);
      expect(await ids({ visibleTo: { username: 'nobody', stores: [] } })).toEqual([]);
      await store.close();
    });

    it('when deadlines are listed for some records, then only theirs come', async () => {
      const store = await open();
      const row = (recordId: string) => ({
        recordId,
        formId: 'f',
        key: 'rs/arrive',
        dueAt: '2025-10-09T04:00:00.000Z',
        state: 'open' as const,
        remindAt: null,
        reminded: false,
        deadline: {} as never,
      });
      for (const id of ['d1', 'd2', 'd3']) await store.writeRecord({ ...sampleWrite(sampleRecord(id)), deadlines: [row(id)] });
      expect((await store.listDeadlines({ recordIds: ['d1', 'd3'] })).map((d) => d.recordId).sort()).toEqual(['d1', 'd3']);
      expect(await store.listDeadlines({ recordIds: [] })).toEqual([]);
      await store.close();
    });

    it('when a batch of due deadlines is breached twice, then each posts its fines, notice and audit entry once', async () => {
      const store = await open();
      const row = (recordId: string, dueAt: string, remindAt: string | null) => ({
        recordId,
        formId: 'f',
        key: 'rs/arrive',
        dueAt,
        state: 'open' as const,
        remindAt,
        reminded: false,
        deadline: {} as never,
      });
      const due = ['b1', 'b2', 'b3', 'b4'];
      for (const [i, id] of due.entries())
        await store.writeRecord({
          ...sampleWrite(sampleRecord(id)),
          deadlines: [row(id, `2025-10-09T0${i}:00:00.000Z`, `2025-10-08T0${i}:00:00.000Z`)],
        });
      await store.writeRecord({ ...sampleWrite(sampleRecord('later')), deadlines: [row('later', '2025-10-19T00:00:00.000Z', null)] });
      const now = '2025-10-10T00:00:00.000Z';
      // Bounded batches, soonest due first.
      expect((await store.dueDeadlines(now, 3)).map((d) => d.recordId)).toEqual(['b1', 'b2', 'b3']);
      expect((await store.dueDeadlines(now)).map((d) => d.recordId)).toEqual(due);
      expect((await store.dueReminders(now, 2)).map((d) => d.recordId)).toEqual(['b1', 'b2']);
      const items = (await store.dueDeadlines(now)).map((d) => ({
        row: d,
        fines: [
          {
            id: `fine-${d.recordId}`,
            uniqueKey: `${d.recordId}|breach|${d.key}|0`,
            recordId: d.recordId,
            formId: 'f',
            payerRole: 'technician',
            person: '王',
            amount: 10,
            reason: { 'zh-CN': '迟到', en: 'Late' },
            origin: 'breach' as const,
            postedAt: now,
          },
        ],
        notifications: [
          {
            id: `n-${d.recordId}`,
            uniqueKey: `${d.recordId}|breach|${d.key}`,
            at: now,
            role: 'technician',
            person: '王',
            recordId: d.recordId,
            message: { 'zh-CN': '已超时', en: 'Overdue' },
          },
        ],
      }));
      expect(await store.recordBreaches(items.slice(0, 2), now)).toBe(2);
      // The second batch overlaps the first (another instance, or a restart): only the new ones count.
      expect(await store.recordBreaches(items, now)).toBe(2);
      expect(await store.recordBreaches(items, now)).toBe(0);
      expect(await store.recordBreaches([], now)).toBe(0);
      expect(await store.dueDeadlines(now)).toEqual([]);
      expect((await store.listDeadlines({ state: 'breached' })).map((d) => d.recordId).sort()).toEqual(due);
      const fines = (await store.listFines({})).filter((f) => due.includes(f.recordId));
      expect(fines.map((f) => f.recordId).sort()).toEqual(due);
      expect((await store.listNotifications({ roles: ['technician'], limit: 10 })).map((n) => n.recordId).sort()).toEqual(due);
      for (const id of due)
        expect((await store.listAudit({ entity: 'record', entityId: id, limit: 10 })).map((a) => a.action)).toContain(
          'deadline rs/arrive breached',
        );
      await store.close();
    });

    it('when a batch of reminders is marked twice, then each notice goes out once', async () => {
      const store = await open();
      const row = (recordId: string) => ({
        recordId,
        formId: 'f',
        key: 'rs/arrive',
        dueAt: '2025-10-19T00:00:00.000Z',
        state: 'open' as const,
        remindAt: '2025-10-08T00:00:00.000Z',
        reminded: false,
        deadline: {} as never,
      });
      for (const id of ['m1', 'm2']) await store.writeRecord({ ...sampleWrite(sampleRecord(id)), deadlines: [row(id)] });
      const now = '2025-10-10T00:00:00.000Z';
      const items = (await store.dueReminders(now)).map((d) => ({
        row: d,
        notification: {
          id: `rn-${d.recordId}`,
          uniqueKey: `${d.recordId}|remind|${d.key}`,
          at: now,
          role: 'afterSalesManager',
          person: null,
          recordId: d.recordId,
          message: { 'zh-CN': '即将到期', en: 'Due soon' },
        },
      }));
      expect(items).toHaveLength(2);
      expect(await store.markRemindedBatch(items.slice(0, 1))).toBe(1);
      expect(await store.markRemindedBatch(items)).toBe(1);
      expect(await store.markRemindedBatch(items)).toBe(0);
      expect(await store.dueReminders(now)).toEqual([]);
      expect((await store.listNotifications({ roles: ['afterSalesManager'], limit: 10 })).map((n) => n.recordId).sort()).toEqual([
        'm1',
        'm2',
      ]);
      await store.close();
    });

    it('when lists are paged, then filters come before the limit and the pages, in order, hold every row once', async () => {
      const store = await open();
      const notice = (id: string, at: string, role: string, person: string | null, recordId: string | null) => ({
        id,
        uniqueKey: id,
        at,
        role,
        person,
        recordId,
        message: { 'zh-CN': 'x', en: 'x' },
      });
      await store.writeRecord({ ...sampleWrite(sampleRecord('p1', { store: 'north', createdBy: 'a', assignee: null })) });
      await store.writeRecord({ ...sampleWrite(sampleRecord('p2', { store: 'south', createdBy: 'b', assignee: null })) });
      await store.writeRecord({
        ...sampleWrite(sampleRecord('p3', { store: 'south', createdBy: 'c', assignee: null })),
        notifications: [
          ...Array.from({ length: 30 }, (_, i) =>
            notice(`t${i}`, `2025-10-09T10:${String(i).padStart(2, '0')}:00.000Z`, 'technician', null, null),
          ),
          notice('s1', '2025-10-01T00:00:00.000Z', 'serviceDepartment', null, 'p1'),
          notice('s2', '2025-10-01T00:00:00.000Z', 'serviceDepartment', 'li', 'p1'),
          notice('s3', '2025-10-02T00:00:00.000Z', 'serviceDepartment', 'wang', 'p1'),
          notice('s4', '2025-10-03T00:00:00.000Z', 'serviceDepartment', null, 'p2'),
          notice('s5', '2025-10-04T00:00:00.000Z', 'serviceDepartment', null, null),
        ],
        approvals: Array.from({ length: 7 }, (_, i) => ({
          id: `ap${i}`,
          recordId: 'p3',
          formId: 'f',
          approver: i % 2 === 0 ? 'generalManager' : 'serviceDepartment',
          before: `s${i}`,
          reason: { 'zh-CN': '审批', en: 'Approve' },
          rule: 'A1',
          state: 'pending' as const,
          decidedBy: null,
          decidedAt: null,
          comment: null,
          createdAt: `2025-10-0${1 + (i % 3)}T00:00:00.000Z`,
        })),
        deadlines: ['k1', 'k2', 'k3', 'k4', 'k5'].map((key, i) => ({
          recordId: 'p3',
          formId: 'f',
          key,
          dueAt: i === 2 ? null : `2025-10-0${5 - i}T00:00:00.000Z`,
          state: i === 4 ? ('breached' as const) : ('open' as const),
          remindAt: null,
          reminded: false,
          deadline: {} as never,
        })),
      });
      // Notices: the role's, to the role or to this person, on records in the person's stores (north) or on none.
      const filter = {
        roles: ['serviceDepartment'],
        person: { username: 'li', displayName: '李' },
        visibleTo: { username: 'li', stores: ['north'] },
      };
      const first = await store.pageNotifications({ ...filter, limit: 2 });
      expect(first.total).toBe(3);
      expect(first.items.map((n) => n.id)).toEqual(['s5', 's2']);
      expect(first.more).toBe(true);
      const last = first.items.at(-1)!;
      const second = await store.pageNotifications({ ...filter, limit: 2, after: [last.at, last.id] });
      expect(second.items.map((n) => n.id)).toEqual(['s1']);
      expect(second.more).toBe(false);
      // Approvals: newest first, by approver, every one once across pages of 2.
      const seen: string[] = [];
      let after: [string, string] | undefined;
      for (;;) {
        const page = await store.pageApprovals({ state: 'pending', limit: 2, ...(after ? { after } : {}) });
        expect(page.total).toBe(7);
        seen.push(...page.items.map((a) => a.id));
        if (!page.more) break;
        after = [page.items.at(-1)!.createdAt, page.items.at(-1)!.id];
      }
      expect(seen).toEqual(['ap5', 'ap2', 'ap4', 'ap1', 'ap6', 'ap3', 'ap0']);
      expect((await store.pageApprovals({ approvers: ['serviceDepartment'], limit: 10 })).total).toBe(3);
      // Deadlines: no due time first, then soonest due; a state filter counts only its rows.
      const keys: string[] = [];
      let from: [string | null, string, string] | undefined;
      for (;;) {
        const page = await store.pageDeadlines({ limit: 2, ...(from ? { after: from } : {}) });
        keys.push(...page.items.map((d) => d.key));
        if (!page.more) break;
        const d = page.items.at(-1)!;
        from = [d.dueAt, d.recordId, d.key];
      }
      expect(keys).toEqual(['k3', 'k5', 'k4', 'k2', 'k1']);
      expect((await store.pageDeadlines({ state: 'breached', limit: 10 })).items.map((d) => d.key)).toEqual(['k5']);
      expect((await store.pageDeadlines({ visibleTo: { username: 'li', stores: ['north'] }, limit: 10 })).total).toBe(0);
      await store.close();
    });

    it('when a file is stored, then its bytes and metadata read back unchanged; an unknown id is null', async () => {
      const store = await open();
      const data = Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01, 0xfe]);
      const file = {
        id: 'file1',
        name: '现场照片 "1".jpg',
        contentType: 'image/jpeg',
        size: data.length,
        sha256: 'abc',
        data,
        createdBy: 'li',
        createdAt: '2025-10-09T02:00:00.000Z',
      };
      await store.putFile(file);
      const back = await store.getFile('file1');
      expect({ ...back, data: undefined }).toEqual({ ...file, data: undefined });
      expect(Buffer.compare(back!.data, data)).toBe(0);
      expect(await store.getFile('nope')).toBeNull();
      await store.close();
    });

    it('when records name uploaded files, then their references are kept, usage is counted and only old unreferenced files are deleted', async () => {
      const store = await open();
      const ids = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003'];
      const file = (id: string, createdAt: string, createdBy = 'li') => ({
        id,
        name: 'a.jpg',
        contentType: 'image/jpeg',
        size: 100,
        sha256: 'x',
        data: Buffer.from([1, 2, 3]),
        createdBy,
        createdAt,
      });
      await store.putFile(file(ids[0]!, '2025-10-08T00:00:00.000Z'));
      await store.putFile(file(ids[1]!, '2025-10-08T00:00:00.000Z'));
      await store.putFile(file(ids[2]!, '2025-10-09T12:00:00.000Z', 'wang'));
      const record = sampleRecord('with-photo', { data: { photos: [`/api/v1/files/${ids[0]}`] } });
      await store.writeRecord(sampleWrite(record));
      // The reference outlives an update that drops the photo: the history still shows it.
      await store.writeRecord(sampleWrite({ ...record, data: {}, rev: 2 }, record));
      expect(await store.recordIdsWithFile(ids[0]!)).toEqual(['with-photo']);
      expect(await store.recordIdsWithFile(ids[1]!)).toEqual([]);
      expect(await store.fileUsage('li', '2025-10-07T00:00:00.000Z')).toEqual({ count: 2, bytes: 200 });
      expect(await store.fileUsage('li', '2025-10-09T00:00:00.000Z')).toEqual({ count: 0, bytes: 0 });
      const deleted = await store.deleteOrphanFiles('2025-10-09T00:00:00.000Z');
      expect(deleted.map((f) => f.id)).toEqual([ids[1]]);
      expect(deleted[0]).not.toHaveProperty('data');
      expect(await store.getFile(ids[0]!)).not.toBeNull();
      expect(await store.getFile(ids[1]!)).toBeNull();
      expect(await store.getFile(ids[2]!)).not.toBeNull();
      await store.close();
    });

    it('when the same fine key is posted twice, then the ledger has it once', async () => {
      const store = await open();
      const fine = {
        id: 'x1',
        uniqueKey: 'r9|rule|a|0',
        recordId: 'r9',
        formId: 'f',
        payerRole: 'technician',
        person: '王',
        amount: 10,
        reason: { 'zh-CN': 'a', en: 'a' },
        origin: 'rule' as const,
        postedAt: 't',
      };
      const record = sampleRecord('r9');
      await store.writeRecord({ ...sampleWrite(record), fines: [fine] });
      await store.writeRecord({ ...sampleWrite({ ...record, rev: 2 }, record), fines: [{ ...fine, id: 'x2' }] });
      expect((await store.listFines({})).filter((f) => f.recordId === 'r9')).toHaveLength(1);
      await store.close();
    });

    it('when a fine is reversed, then the original stays, the reversal links it, a second reversal writes nothing, and it is audited', async () => {
      const store = await open();
      const fine = {
        id: 'c1',
        uniqueKey: 'r10|breach|a|0',
        recordId: 'r10',
        formId: 'f',
        payerRole: 'technician',
        person: '王',
        amount: 50,
        reason: { 'zh-CN': '超时', en: 'Late' },
        origin: 'breach' as const,
        postedAt: '2025-10-09T02:00:00.000Z',
      };
      await store.writeRecord({ ...sampleWrite(sampleRecord('r10')), fines: [fine] });
      expect(await store.getFine('c1')).toEqual(fine);
      expect(await store.getFine('nope')).toBeNull();
      const link = { corrects: 'c1', correctedBy: 'boss', note: '客户取消了工单' };
      const reversal = { ...fine, id: 'c2', uniqueKey: `${fine.uniqueKey}|reversal`, amount: -50, origin: 'reversal' as const, ...link };
      const replacement = {
        ...fine,
        id: 'c3',
        uniqueKey: `${fine.uniqueKey}|correction`,
        amount: 20,
        origin: 'correction' as const,
        ...link,
      };
      expect(await store.reverseFine({ reversal, replacement }, 'boss', '2025-10-10T02:00:00.000Z')).toBe(true);
      const again = { ...reversal, id: 'c4' };
      expect(await store.reverseFine({ reversal: again, replacement: null }, 'boss', '2025-10-10T03:00:00.000Z')).toBe(false);
      const ledger = (await store.listFines({})).filter((f) => f.recordId === 'r10');
      expect(ledger.map((f) => [f.id, f.amount, f.origin]).sort()).toEqual([
        ['c1', 50, 'breach'],
        ['c2', -50, 'reversal'],
        ['c3', 20, 'correction'],
      ]);
      expect(await store.getFine('c2')).toEqual(reversal);
      const audit = await store.listAudit({ entity: 'fine', entityId: 'c1', limit: 10 });
      expect(audit.map((a) => [a.actor, a.action])).toEqual([['boss', 'fine corrected']]);
      await store.close();
    });

    it('when records are filtered on a date-time field of their data, then values with any offset compare as instants', async () => {
      const store = await open();
      const at = (id: string, callTime: unknown) => store.writeRecord(sampleWrite(sampleRecord(id, { formId: 'dr', data: { callTime } })));
      await at('dr1', '2026-12-01T21:30:00+08:00'); // 13:30 UTC
      await at('dr2', '2026-12-01T13:29:00Z');
      await at('dr3', 'not a date');
      await at('dr4', null);
      const ids = async (from?: string, to?: string) =>
        (
          await store.listRecords({
            formId: 'dr',
            dataRange: { field: 'callTime', kind: 'date-time', ...(from ? { from } : {}), ...(to ? { to } : {}) },
            limit: 10,
            offset: 0,
          })
        ).items
          .map((r) => r.id)
          .sort();
      expect(await ids('2026-12-01T13:30:00.000Z')).toEqual(['dr1']);
      expect(await ids(undefined, '2026-12-01T13:29:59.999Z')).toEqual(['dr2']);
      expect(await ids('2026-11-30T16:00:00.000Z', '2026-12-01T15:59:59.999Z')).toEqual(['dr1', 'dr2']);
      await store.close();
    });

    it('when a breached deadline is met later, then it stays breached with when it was met', async () => {
      const store = await open();
      const deadline = { key: 'arrive', dueAt: '2025-10-09T08:00:00.000Z', metAt: null, overdueMs: 0 } as never;
      const row = {
        recordId: 'm1',
        formId: 'f',
        key: 'rs/arrive',
        dueAt: '2025-10-09T08:00:00.000Z',
        state: 'open' as const,
        remindAt: null,
        reminded: false,
        deadline,
      };
      const record = sampleRecord('m1');
      await store.writeRecord({ ...sampleWrite(record), deadlines: [row] });
      expect(await store.recordBreach(row, [], [], '2025-10-09T09:00:00.000Z')).toBe(true);
      const met = { ...row, state: 'met' as const, deadline: { ...(deadline as object), metAt: '2025-10-09T09:20:00.000Z' } as never };
      await store.writeRecord({ ...sampleWrite({ ...record, rev: 2 }, record), deadlines: [met] });
      const [stored] = await store.listDeadlines({ recordIds: ['m1'] });
      expect(stored).toMatchObject({ state: 'breached', deadline: { metAt: '2025-10-09T09:20:00.000Z', overdueMs: 80 * 60_000 } });
      await store.close();
    });

    it('when a calendar job is claimed by two holders, then one runs it, a lapsed lease is taken over, and it is finished and audited once', async () => {
      const store = await open();
      expect(await store.claimCalendarJob('cal', 2, 'a', '2026-12-01T00:00:00.000Z', '2026-12-01T00:05:00.000Z')).toBe(true);
      expect(await store.claimCalendarJob('cal', 2, 'b', '2026-12-01T00:01:00.000Z', '2026-12-01T00:06:00.000Z')).toBe(false);
      expect(await store.claimCalendarJob('cal', 2, 'a', '2026-12-01T00:01:00.000Z', '2026-12-01T00:06:00.000Z')).toBe(true);
      expect(await store.claimCalendarJob('cal', 2, 'b', '2026-12-01T00:07:00.000Z', '2026-12-01T00:12:00.000Z')).toBe(true);
      const counts = { checked: 3, moved: 1, breachedNow: 0, saved: 0 };
      expect(await store.finishCalendarJob('cal', 2, counts, '2026-12-01T00:08:00.000Z')).toBe(true);
      expect(await store.finishCalendarJob('cal', 2, counts, '2026-12-01T00:09:00.000Z')).toBe(false);
      expect(await store.claimCalendarJob('cal', 2, 'c', '2026-12-01T01:00:00.000Z', '2026-12-01T01:05:00.000Z')).toBe(false);
      expect(await store.calendarJob('cal', 2)).toMatchObject({ state: 'done', holder: 'b', counts });
      expect(await store.calendarJob('cal', 3)).toBeNull();
      expect((await store.listAudit({ entity: 'calendar', entityId: 'cal', limit: 10 })).map((a) => a.action)).toEqual([
        'deadlines recomputed for version 2',
      ]);
      await store.close();
    });

    it('when open deadlines on a calendar are moved with a version, then only open rows as read below it move, once', async () => {
      const store = await open();
      const deadline = (calendar: string) =>
        ({ key: 'arrive', calendar, startedAt: '2026-12-01T13:30:00.000Z', dueAt: '2026-12-02T08:00:00.000Z' }) as never;
      const row = (recordId: string, calendar: string, state: 'open' | 'met' = 'open') => ({
        recordId,
        formId: 'f',
        key: 'rs/arrive',
        dueAt: '2026-12-02T08:00:00.000Z',
        state,
        remindAt: '2026-12-02T07:00:00.000Z',
        reminded: false,
        deadline: deadline(calendar),
      });
      await store.writeRecord({ ...sampleWrite(sampleRecord('cv1')), deadlines: [row('cv1', 'cal')] });
      await store.writeRecord({ ...sampleWrite(sampleRecord('cv2')), deadlines: [row('cv2', 'other')] });
      await store.writeRecord({ ...sampleWrite(sampleRecord('cv3')), deadlines: [row('cv3', 'cal', 'met')] });
      const found = await store.openDeadlinesOnCalendar('cal', 2, 10);
      expect(found.map((d) => d.recordId)).toEqual(['cv1']);
      const move = {
        recordId: 'cv1',
        key: 'rs/arrive',
        was: { dueAt: '2026-12-02T08:00:00.000Z', startedAt: '2026-12-01T13:30:00.000Z' },
        dueAt: '2026-12-03T08:00:00.000Z',
        remindAt: '2026-12-03T07:00:00.000Z',
        deadline: { ...(deadline('cal') as object), dueAt: '2026-12-03T08:00:00.000Z' } as never,
      };
      // Read as something else (a record write in between): left alone.
      expect(await store.moveDeadlines([{ ...move, was: { ...move.was, startedAt: '2026-12-01T14:00:00.000Z' } }], 2)).toBe(0);
      expect(await store.moveDeadlines([move], 2)).toBe(1);
      expect(await store.moveDeadlines([move], 2)).toBe(0);
      expect(await store.openDeadlinesOnCalendar('cal', 2, 10)).toEqual([]);
      expect((await store.openDeadlinesOnCalendar('cal', 3, 10)).map((d) => d.recordId)).toEqual(['cv1']);
      // The job's cursor: only the rows after it, by record and key.
      await store.writeRecord({ ...sampleWrite(sampleRecord('cv4')), deadlines: [row('cv4', 'cal')] });
      expect((await store.openDeadlinesOnCalendar('cal', 3, 10, ['cv1', 'rs/arrive'])).map((d) => d.recordId)).toEqual(['cv4']);
      expect((await store.openDeadlinesOnCalendar('cal', 3, 10, ['cv4', 'rs/arrive'])).map((d) => d.recordId)).toEqual([]);
      const [moved] = await store.listDeadlines({ recordIds: ['cv1'] });
      expect(moved).toMatchObject({ dueAt: '2026-12-03T08:00:00.000Z', remindAt: '2026-12-03T07:00:00.000Z', state: 'open' });
      await store.close();
    });

    it('when text holds any unicode, then it is stored and read back intact', async () => {
      const store = await open();
      const text = '𠜎𠜱 \u0000 \u202e RTL 😀 \'"; DROP TABLE records;--';
      await store.writeRecord(sampleWrite(sampleRecord('u1', { data: { text } })));
      expect((await store.getRecord('u1'))?.data).toEqual({ text });
      await store.close();
    });

    it('when an edit no longer asks for a pending approval, then it stays pending with the data it was asked on; a withdrawn one is asked again', async () => {
      const store = await open();
      const task = (id: string, rev: number, data: Record<string, unknown>) => ({
        id,
        recordId: 'ap1',
        formId: 'f',
        approver: 'deputyGeneralManager',
        before: 'resolved',
        reason: { 'zh-CN': '严重投诉须审批', en: 'serious' },
        rule: 'A10-serious',
        state: 'pending' as const,
        decidedBy: null,
        decidedAt: null,
        comment: null,
        createdAt: '2025-10-09T02:00:00.000Z',
        requestedRev: rev,
        requestedData: data,
      });
      const first = sampleRecord('ap1', { data: { severity: 'serious' } });
      await store.writeRecord({ ...sampleWrite(first), approvals: [task('t1', 1, { severity: 'serious' })] });
      const second = { ...first, data: { severity: 'general' }, rev: 2 };
      await store.writeRecord(sampleWrite(second, first));
      expect(await store.listApprovals({ recordId: 'ap1' })).toEqual([task('t1', 1, { severity: 'serious' })]);
      const third = { ...second, data: { severity: 'serious' }, rev: 3 };
      await store.writeRecord({ ...sampleWrite(third, second), approvals: [task('t2', 3, { severity: 'serious' })] });
      expect((await store.listApprovals({ recordId: 'ap1' })).map((a) => a.id)).toEqual(['t1']);
      const withdrawn = { ...task('t1', 1, {}), state: 'withdrawn' as const, decidedBy: 'boss', decidedAt: 't', comment: '录入错误' };
      expect(await store.decideApproval(withdrawn, 'boss')).toBe(true);
      const fourth = { ...third, rev: 4 };
      await store.writeRecord({ ...sampleWrite(fourth, third), approvals: [task('t3', 4, { severity: 'serious' })] });
      const states = (await store.listApprovals({ recordId: 'ap1' })).map((a) => [a.id, a.state, a.requestedRev]).sort();
      expect(states).toEqual([
        ['t1', 'withdrawn', 1],
        ['t3', 'pending', 4],
      ]);
      expect((await store.listAudit({ entity: 'approval', entityId: 't1', limit: 5 }))[0]).toMatchObject({
        action: 'withdrawn',
        actor: 'boss',
        after: { state: 'withdrawn', comment: '录入错误' },
      });
      await store.close();
    });

    it('when the same notice is posted twice, then it is stored once and only the first post says so', async () => {
      const store = await open();
      const notice = {
        id: 'n1',
        uniqueKey: 'approval-unheld|a1',
        at: '2025-10-09T02:00:00.000Z',
        role: 'afterSalesManager',
        person: null,
        recordId: null,
        message: { 'zh-CN': '无人可审批', en: 'Nobody can approve' },
      };
      expect(await store.postNotification(notice)).toBe(true);
      expect(await store.postNotification({ ...notice, id: 'n2' })).toBe(false);
      expect((await store.listNotifications({ limit: 10 })).filter((n) => n.uniqueKey === notice.uniqueKey)).toEqual([notice]);
      await store.close();
    });

    // impact: the records an impact replay reads (services/impact)
    it('when impact rows are paged, then one form in the window and scope comes newest first, a keyset page at a time, without its evaluation', async () => {
      const store = await open();
      const at = (day: number) => `2025-10-${String(day).padStart(2, '0')}T02:00:00.000Z`;
      for (const [id, day, shop, form] of [
        ['i1', 1, 's1', 'f'],
        ['i2', 2, 's2', 'f'],
        ['i3', 3, 's1', 'f'],
        ['i4', 4, 's1', 'other'],
        ['i5', 5, 's1', 'f'],
      ] as const)
        await store.writeRecord(
          sampleWrite(
            sampleRecord(id, { formId: form, store: shop, createdAt: at(day), updatedAt: at(day + 1), assignee: null, data: { n: day } }),
          ),
        );
      const window = { formId: 'f', createdFrom: at(2), createdTo: at(9), visibleTo: null };
      expect(await store.impactRowCount(window)).toBe(3);
      const first = await store.impactRows({ ...window, limit: 2 });
      expect(first.map((r) => r.id)).toEqual(['i5', 'i3']);
      expect(first[0]).toEqual({
        id: 'i5',
        formId: 'f',
        status: 'received',
        store: 's1',
        assignee: null,
        createdBy: 'clerk',
        createdAt: at(5),
        evaluatedAt: at(6),
        data: JSON.stringify({ n: 5 }),
      });
      const next = await store.impactRows({ ...window, limit: 2, after: [first[1]!.createdAt, first[1]!.id] });
      expect(next.map((r) => r.id)).toEqual(['i2']);
      const scoped = { ...window, visibleTo: { username: 'nobody', stores: ['s2'] } };
      expect((await store.impactRows({ ...scoped, limit: 10 })).map((r) => r.id)).toEqual(['i2']);
      expect(await store.impactRowCount(scoped)).toBe(1);
      await store.close();
    });

    it('when impact rows are read with fields, then their data holds only those top-level fields, with their JSON types', async () => {
      const store = await open();
      const data = { zone: 'urban', fault: false, count: 3, nested: { a: [1, '二'] }, unread: 'x'.repeat(100) };
      await store.writeRecord(sampleWrite(sampleRecord('j1', { formId: 'g', createdAt: '2025-10-01T02:00:00.000Z', data })));
      const window = { formId: 'g', createdTo: '2025-11-01T00:00:00.000Z', visibleTo: null, limit: 10 };
      const [row] = await store.impactRows({ ...window, fields: ['zone', 'fault', 'count', 'nested', 'missing'] });
      const read = JSON.parse(row!.data) as Record<string, unknown>;
      expect({ ...read, missing: read.missing ?? null }).toEqual({
        zone: 'urban',
        fault: false,
        count: 3,
        nested: { a: [1, '二'] },
        missing: null,
      });
      expect(JSON.parse((await store.impactRows(window))[0]!.data)).toEqual(data);
      await store.close();
    });

    it('when an impact window is cut into parts, then the parts read together every row of the window and scope once, newest first (or the adapter leaves reading to impactRows)', async () => {
      const store = await open();
      const at = (day: number) => `2025-10-${String(day).padStart(2, '0')}T02:00:00.000Z`;
      // Seven records, four created at one instant (a part bound falls among them), one outside the window, one of another form.
      for (const [id, day, shop, form] of [
        ['p1', 1, 's1', 'p'],
        ['p2', 2, 's2', 'p'],
        ['p3', 3, 's1', 'p'],
        ['p4', 3, 's2', 'p'],
        ['p5', 3, 's1', 'p'],
        ['p6', 3, 's1', 'p'],
        ['p7', 4, 's2', 'p'],
        ['p8', 4, 's1', 'other'],
      ] as const)
        await store.writeRecord(
          sampleWrite(
            sampleRecord(id, { formId: form, store: shop, createdAt: at(day), updatedAt: at(day + 1), assignee: null, data: { n: id } }),
          ),
        );
      const window = { formId: 'p', createdFrom: at(2), createdTo: at(9), visibleTo: null };
      const partition = await store.impactPartition(window, 2);
      if (partition === null) return store.close();
      expect(partition.parts.length).toBe(4); // 2 + 2 + 2 rows, then the rest (none)
      const reader = openImpactReader(partition.source);
      try {
        const read = (filter: Omit<ImpactPartFilter, 'part'>) => partition.parts.flatMap((part) => reader.rows({ ...filter, part }));
        const whole = await store.impactRows({ ...window, limit: 100 });
        expect(whole.map((r) => r.id)).toEqual(['p7', 'p6', 'p5', 'p4', 'p3', 'p2']);
        expect(read({ ...window, fields: ['n', 'missing'] })).toEqual(
          whole.map(({ createdBy: _createdBy, data, ...row }) => ({ ...row, data: JSON.parse(data) as unknown })),
        );
        const scoped = { ...window, visibleTo: { username: 'nobody', stores: ['s2'] } };
        expect(read(scoped).map((r) => r.id)).toEqual(['p7', 'p4', 'p2']);
      } finally {
        reader.close();
      }
      await store.close();
    });

    // fieldwork: numbering and my jobs
    describe('numbering and assigned records', () => {
      const numbered = (key: string) => ({ field: 'no', key, prefix: 'SH-20251009-', suffix: '', digits: 3 });

      it('when numbered records are created, then each takes the next number of its counter; another counter starts at 1', async () => {
        const store = await open();
        for (const id of ['n1', 'n2']) await store.writeRecord({ ...sampleWrite(sampleRecord(id)), numbering: numbered('f|s1|SH') });
        await store.writeRecord({ ...sampleWrite(sampleRecord('n3', { store: 's2' })), numbering: numbered('f|s2|SH') });
        expect((await store.getRecord('n1'))?.data).toEqual({ text: '文本', no: 'SH-20251009-001' });
        expect((await store.getRecord('n2'))?.data.no).toBe('SH-20251009-002');
        expect((await store.getRecord('n3'))?.data.no).toBe('SH-20251009-001');
        await store.close();
      });

      it('when a numbered write fails, then nothing of it is kept and its number goes to the next record', async () => {
        const store = await open();
        await store.writeRecord({ ...sampleWrite(sampleRecord('m1')), numbering: numbered('f|s1|M') });
        // The same id again: the insert fails inside the transaction that took the number.
        await expect(store.writeRecord({ ...sampleWrite(sampleRecord('m1')), numbering: numbered('f|s1|M') })).rejects.toBeTruthy();
        await store.writeRecord({ ...sampleWrite(sampleRecord('m2')), numbering: numbered('f|s1|M') });
        expect((await store.getRecord('m2'))?.data.no).toBe('SH-20251009-002');
        await store.close();
      });

      it('when records are assigned, then the assignee’s list has the soonest outstanding deadline first and leaves out excluded states', async () => {
        const store = await open();
        const deadline = (recordId: string, dueAt: string, state: 'open' | 'met' | 'breached') => ({
          recordId,
          formId: 'f',
          key: 'k',
          dueAt,
          state,
          remindAt: null,
          reminded: false,
          deadline: { key: 'k', dueAt, state } as never,
        });
        await store.writeRecord({
          ...sampleWrite(sampleRecord('j1', { assignee: 'wang' })),
          deadlines: [deadline('j1', '2025-10-10T09:00:00.000Z', 'open')],
        });
        await store.writeRecord({
          ...sampleWrite(sampleRecord('j2', { assignee: 'wang' })),
          deadlines: [deadline('j2', '2025-10-09T09:00:00.000Z', 'open')],
        });
        await store.writeRecord({
          ...sampleWrite(sampleRecord('j3', { assignee: 'wang' })),
          deadlines: [deadline('j3', '2025-10-01T09:00:00.000Z', 'met')],
        });
        await store.writeRecord(sampleWrite(sampleRecord('j4', { assignee: 'wang', status: 'closed' })));
        await store.writeRecord(sampleWrite(sampleRecord('j5', { assignee: 'li' })));
        const mine = await store.assignedRecords({ assignee: 'wang', exclude: [{ formId: 'f', statuses: ['closed'] }], limit: 10 });
        expect(mine.items.map((r) => r.record.id)).toEqual(['j2', 'j1', 'j3']);
        expect(mine.items.map((r) => r.nextDue)).toEqual(['2025-10-09T09:00:00.000Z', '2025-10-10T09:00:00.000Z', null]);
        expect(mine.items[0]!.record).not.toHaveProperty('evaluation');
        expect(mine.more).toBe(false);
        const first = await store.assignedRecords({ assignee: 'wang', exclude: [], limit: 1 });
        expect(first).toMatchObject({ items: [{ record: { id: 'j2' } }], more: true });
        await store.close();
      });

      it('when the assignee’s list is paged by cursor, then every record comes once in its order: overdue and soonest due first, then newest first', async () => {
        const store = await open();
        // 30 records: a third without an outstanding deadline, the others due on one of five instants (ties broken by creation, then id).
        const expected: { id: string; noDue: number; due: string; createdAt: string }[] = [];
        for (let i = 0; i < 30; i++) {
          const id = `q${String((i * 7) % 30).padStart(2, '0')}`;
          const createdAt = new Date(Date.UTC(2025, 9, 1, i % 4)).toISOString();
          const due = i % 3 === 0 ? null : new Date(Date.UTC(2025, 9, 10, i % 5)).toISOString();
          await store.writeRecord({
            ...sampleWrite(sampleRecord(id, { assignee: 'wang', createdAt, updatedAt: createdAt })),
            deadlines: due
              ? [
                  {
                    recordId: id,
                    formId: 'f',
                    key: 'k',
                    dueAt: due,
                    state: 'open',
                    remindAt: null,
                    reminded: false,
                    deadline: { key: 'k' } as never,
                  },
                ]
              : [],
          });
          expected.push({ id, noDue: due ? 0 : 1, due: due ?? '', createdAt });
        }
        expected.sort(
          (a, b) => a.noDue - b.noDue || a.due.localeCompare(b.due) || b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id),
        );
        const seen: string[] = [];
        let after: AssignedCursor | undefined;
        for (;;) {
          const page = await store.assignedRecords({ assignee: 'wang', exclude: [], limit: 4, ...(after ? { after } : {}) });
          seen.push(...page.items.map((r) => r.record.id));
          if (!page.more) break;
          after = assignedCursor(page.items.at(-1)!);
        }
        expect(seen).toEqual(expected.map((r) => r.id));
        await store.close();
      });
    });

    // fieldwork: outbound notices
    describe('notice channels and deliveries', () => {
      const channel = {
        id: 'c1',
        store: 's1',
        kind: 'webhook' as const,
        name: '门店系统',
        events: ['approval' as const],
        config: { url: 'http://127.0.0.1/hook', secret: 'x'.repeat(16) },
        createdBy: 'admin',
        createdAt: '2025-10-09T00:00:00.000Z',
      };
      const notice = (id: string, recordId: string) => ({
        id,
        uniqueKey: `${recordId}|decision|${id}`,
        at: '2025-10-09T02:00:00.000Z',
        role: 'technician',
        person: 'wang',
        recordId,
        message: { 'zh-CN': '已驳回', en: 'rejected' },
      });
      const delivery = (id: string, notificationId: string, state: 'pending' | 'skipped' = 'pending') => ({
        id,
        channelId: 'c1',
        notificationId,
        event: 'approval' as const,
        payload: { notice: notice(notificationId, 'd1'), store: 's1' },
        state,
        attempts: 0,
        nextAt: state === 'pending' ? '2025-10-09T02:00:00.000Z' : null,
        leaseUntil: null,
        lastStatus: null,
        lastError: null,
        createdAt: '2025-10-09T02:00:00.000Z',
        deliveredAt: null,
      });

      it('when notices of a store’s records are posted, then its channel sees each until it has a delivery, and a delivery is added once', async () => {
        const store = await open();
        await store.saveChannel(channel);
        expect(await store.listChannels('s1')).toEqual([channel]);
        await store.writeRecord({ ...sampleWrite(sampleRecord('d1')), notifications: [notice('n1', 'd1'), notice('n2', 'd1')] });
        await store.writeRecord({ ...sampleWrite(sampleRecord('d2', { store: 's2' })), notifications: [notice('n3', 'd2')] });
        expect((await store.undeliveredNotices(channel, '2025-10-09T00:00:00.000Z', 10)).map((n) => n.id)).toEqual(['n1', 'n2']);
        expect(await store.enqueueDeliveries([delivery('x1', 'n1'), delivery('x2', 'n2', 'skipped')])).toBe(2);
        expect(await store.enqueueDeliveries([delivery('x3', 'n1')])).toBe(0);
        expect(await store.undeliveredNotices(channel, '2025-10-09T00:00:00.000Z', 10)).toEqual([]);
        expect((await store.pageDeliveries('c1', { limit: 10 })).items.map((d) => d.id)).toEqual(['x1']);
        await store.close();
      });

      it('when a channel’s delivery log is paged by cursor, then every delivery but the skipped ones comes once, newest first, and the total counts them', async () => {
        const store = await open();
        await store.saveChannel(channel);
        const ids = Array.from({ length: 23 }, (_, i) => `n${String(i).padStart(2, '0')}`);
        await store.writeRecord({ ...sampleWrite(sampleRecord('d1')), notifications: ids.map((id) => notice(id, 'd1')) });
        // Three deliveries share each instant (the cursor's id breaks the tie); every fifth one is skipped.
        await store.enqueueDeliveries(
          ids.map((id, i) => ({
            ...delivery(`x${id}`, id, i % 5 === 0 ? 'skipped' : 'pending'),
            createdAt: new Date(Date.UTC(2025, 9, 9, 2, Math.floor(i / 3))).toISOString(),
          })),
        );
        const seen: string[] = [];
        let after: [string, string] | undefined;
        for (;;) {
          const page = await store.pageDeliveries('c1', { limit: 4, ...(after ? { after } : {}) });
          expect(page.total).toBe(18);
          seen.push(...page.items.map((d) => d.id));
          if (!page.more) break;
          const last = page.items.at(-1)!;
          after = [last.createdAt, last.id];
        }
        expect(seen).toEqual(
          ids
            .filter((_, i) => i % 5 !== 0)
            .map((id) => `x${id}`)
            .reverse(),
        );
        await store.close();
      });

      it('when due deliveries are claimed, then a second claim under the lease gets none; a finished one leaves the queue; a replay brings it back', async () => {
        const store = await open();
        await store.saveChannel(channel);
        await store.writeRecord({ ...sampleWrite(sampleRecord('d1')), notifications: [notice('n1', 'd1')] });
        await store.enqueueDeliveries([delivery('x1', 'n1')]);
        const at = '2025-10-09T03:00:00.000Z';
        expect((await store.claimDeliveries(at, '2025-10-09T03:01:00.000Z', 10)).map((d) => d.id)).toEqual(['x1']);
        expect(await store.claimDeliveries(at, '2025-10-09T03:01:00.000Z', 10)).toEqual([]);
        await store.finishDelivery('x1', {
          state: 'delivered',
          attempts: 1,
          nextAt: null,
          lastStatus: 200,
          lastError: null,
          deliveredAt: at,
        });
        expect(await store.claimDeliveries('2025-10-09T04:00:00.000Z', '2025-10-09T04:01:00.000Z', 10)).toEqual([]);
        expect(await store.getDelivery('x1')).toMatchObject({ state: 'delivered', attempts: 1, lastStatus: 200, leaseUntil: null });
        expect(await store.replayDelivery('x1', '2025-10-09T05:00:00.000Z')).toBe(true);
        expect((await store.claimDeliveries('2025-10-09T05:00:00.000Z', '2025-10-09T05:01:00.000Z', 10)).map((d) => d.attempts)).toEqual([
          0,
        ]);
        expect(await store.deleteChannel('c1')).toBe(true);
        expect(await store.getDelivery('x1')).toBeNull();
        await store.close();
      });
    });
  });

  describe(`Store contract: ${name}, record pages and search`, () => {
    const at = (i: number) => new Date(Date.UTC(2025, 9, 1) + i * 3_600_000).toISOString();
    const people = [
      { name: '李四', phone: '13800138000', technician: '王师傅' },
      { name: '张三丰', phone: '13912345678', technician: '赵师傅' },
      { name: 'Anna Smith', phone: '02155556666', technician: '王师傅' },
    ];
    const fill = async (store: Store, count: number) => {
      for (let i = 0; i < count; i++) {
        const who = people[i % people.length]!;
        await store.writeRecord({
          ...sampleWrite(
            sampleRecord(`p${String(i).padStart(4, '0')}`, {
              formId: 'paged',
              status: i % 2 === 0 ? 'open' : 'closed',
              store: i % 3 === 0 ? 's1' : 's2',
              data: {
                ticketNo: `SH-${String(i).padStart(6, '0')}`,
                customer: { name: who.name, phone: who.phone },
                technician: who.technician,
              },
              createdAt: at(i),
              updatedAt: at(i),
            }),
          ),
          deadlines:
            i % 4 === 0
              ? [
                  {
                    recordId: `p${String(i).padStart(4, '0')}`,
                    formId: 'paged',
                    key: 'arrive',
                    dueAt: at(i + 2),
                    state: 'breached' as const,
                    remindAt: null,
                    reminded: false,
                    deadline: { key: 'arrive', label: { 'zh-CN': '到达', en: 'Arrive' }, dueAt: at(i + 2), fines: [] } as never,
                  },
                ]
              : [],
        });
      }
    };
    const walk = async (store: Store, filter: Omit<RecordPageFilter, 'limit' | 'after'>, limit: number) => {
      const ids: string[] = [];
      let after: [string, string] | undefined;
      for (;;) {
        const page = await store.pageRecords({ ...filter, limit, ...(after ? { after } : {}) });
        ids.push(...page.items.map((r) => r.id));
        if (!page.more) return { ids, first: await store.pageRecords({ ...filter, limit }) };
        const last = page.items.at(-1)!;
        after = [last.createdAt, last.id];
      }
    };

    it('when records are paged by cursor with filters, then every matching record comes once, newest first, and the total counts them, each without its evaluation', async () => {
      const store = await open();
      await fill(store, 60);
      const all = await walk(store, { formId: 'paged' }, 7);
      expect(all.ids).toHaveLength(60);
      expect(all.ids).toEqual([...all.ids].sort().reverse());
      expect(all.first).toMatchObject({ total: 60, capped: false, more: true });
      // A list row is the record without its evaluation (read with the record).
      const row = all.first.items[0]!;
      const { evaluation: _evaluation, ...header } = (await store.getRecord(row.id))!;
      expect(row).toEqual(header);
      expect(row).not.toHaveProperty('evaluation');
      const open_ = await walk(store, { formId: 'paged', status: 'open', store: 's1' }, 4);
      expect(open_.ids).toEqual(
        Array.from({ length: 60 }, (_, i) => i)
          .filter((i) => i % 2 === 0 && i % 3 === 0)
          .map((i) => `p${String(i).padStart(4, '0')}`)
          .reverse(),
      );
      expect(open_.first.total).toBe(10);
      const breached = await walk(store, { formId: 'paged', deadlineState: 'breached' }, 4);
      expect(breached.ids).toHaveLength(15);
      expect(breached.first.total).toBe(15);
      const ranged = await walk(store, { formId: 'paged', createdFrom: at(10), createdTo: at(19) }, 3);
      expect(ranged.ids).toHaveLength(10);
      await store.close();
    });

    it('when a clerk searches by ticket no., phone, customer name or technician, then exactly the records holding it are found, also Chinese of 1 or 2 characters', async () => {
      const store = await open();
      await fill(store, 30);
      const found = async (search: string) => (await walk(store, { formId: 'paged', search }, 4)).ids;
      expect(await found('SH-000017')).toEqual(['p0017']);
      expect(await found('000017')).toEqual(['p0017']);
      expect(await found('12345678')).toHaveLength(10);
      expect(await found('张三丰')).toHaveLength(10);
      expect(await found('三丰')).toEqual([]);
      expect(await found('张')).toHaveLength(10);
      expect(await found('李四')).toHaveLength(10);
      expect(await found('王师傅')).toHaveLength(20);
      expect(await found('王师傅 Anna')).toHaveLength(10);
      expect(await found('smith')).toHaveLength(10);
      expect(await found('"OR 1=1')).toEqual([]);
      // An edit is found by its new values only.
      const before = (await store.getRecord('p0000'))!;
      await store.writeRecord(sampleWrite({ ...before, data: { ...before.data, technician: '孙师傅' }, rev: 2 }, before));
      expect(await found('孙师傅')).toEqual(['p0000']);
      expect(await found('王师傅')).toHaveLength(19);
      await store.close();
    });

    it('when a search word is common (over a thousand records hold it), then its pages still give exactly those records, newest first, and the total counts them', async () => {
      const store = await open();
      const surnames = ['孙', '吴'];
      const count = 2_400;
      const rows = Array.from({ length: count }, (_, i) => ({
        id: `c${String(i).padStart(5, '0')}`,
        name: `${i % 2 === 0 ? '周' : surnames[i % surnames.length]!}${i % 3 === 0 ? '先生' : '女士'}`,
        technician: i % 3 === 2 ? '钱师傅' : '赵师傅',
        store: i % 4 === 0 ? 's1' : 's2',
        createdAt: new Date(Date.UTC(2025, 9, 1) + i * 60_000 + ((i * 7_919) % 50_000)).toISOString(),
      }));
      for (const r of rows)
        await store.writeRecord(
          sampleWrite(
            sampleRecord(r.id, {
              formId: 'common',
              store: r.store,
              data: { ticketNo: `SH-${r.id}`, customer: { name: r.name, phone: '021' }, technician: r.technician },
              createdAt: r.createdAt,
              updatedAt: r.createdAt,
            }),
          ),
        );
      const newestFirst = (matches: typeof rows) =>
        [...matches]
          .sort((a, b) => (a.createdAt === b.createdAt ? b.id.localeCompare(a.id) : b.createdAt.localeCompare(a.createdAt)))
          .map((r) => r.id);
      const cases: [Omit<RecordPageFilter, 'limit' | 'after'>, (r: (typeof rows)[number]) => boolean][] = [
        [{ search: '周' }, (r) => r.name.startsWith('周')],
        [{ search: '周先' }, (r) => r.name.startsWith('周先')],
        [{ search: '赵师傅' }, (r) => r.technician === '赵师傅'],
        [{ search: '周 赵师傅' }, (r) => r.name.startsWith('周') && r.technician === '赵师傅'],
        [{ search: '周', store: 's1' }, (r) => r.name.startsWith('周') && r.store === 's1'],
        [{ search: '钱', formId: 'common' }, (r) => r.technician === '钱师傅'],
        [{ search: '吴' }, (r) => r.name.startsWith('吴')],
      ];
      for (const [filter, holds] of cases) {
        const expected = newestFirst(rows.filter(holds));
        const { ids, first } = await walk(store, filter, 50);
        expect(ids, JSON.stringify(filter)).toEqual(expected);
        expect(first.total, JSON.stringify(filter)).toBe(expected.length);
      }
      await store.close();
    });
  });

  describe(`Store contract: ${name}, ledger, dashboards and history facts by the database`, () => {
    const fineAt = (id: string, person: string | null, amount: number, postedAt: string, origin: 'breach' | 'reversal' = 'breach') => ({
      id,
      uniqueKey: `u-${id}`,
      recordId: 'led1',
      formId: 'f',
      payerRole: 'technician',
      person,
      amount,
      reason: { 'zh-CN': '超时', en: 'Late' },
      origin,
      postedAt,
    });

    it('when fines are paged and summed, then every fine of the month (China time) comes once and the totals are per person and role', async () => {
      const store = await open();
      const fines = [
        ...Array.from({ length: 25 }, (_, i) =>
          fineAt(`a${String(i).padStart(2, '0')}`, '王师傅', 10, `2025-10-0${1 + (i % 9)}T0${i % 10}:00:00.000Z`),
        ),
        fineAt('edge', '赵师傅', 7.5, '2025-09-30T16:30:00.000Z'),
        fineAt('sept', '赵师傅', 99, '2025-09-30T15:59:00.000Z'),
        fineAt('rev', '王师傅', -10, '2025-10-09T09:00:00.000Z', 'reversal'),
      ];
      await store.writeRecord({ ...sampleWrite(sampleRecord('led1')), fines });
      const seen: string[] = [];
      let after: [string, string] | undefined;
      for (;;) {
        const page = await store.pageFines({ month: '2025-10', limit: 4, ...(after ? { after } : {}) });
        expect(page.total).toBe(27);
        seen.push(...page.items.map((f) => f.id));
        if (!page.more) break;
        after = [page.items.at(-1)!.postedAt, page.items.at(-1)!.id];
      }
      expect(seen.sort()).toEqual(
        fines
          .filter((f) => f.id !== 'sept')
          .map((f) => f.id)
          .sort(),
      );
      expect(await store.fineTotals({ month: '2025-10' })).toEqual({
        lines: [
          { month: '2025-10', person: '王师傅', payerRole: 'technician', count: 25, total: 240 },
          { month: '2025-10', person: '赵师傅', payerRole: 'technician', count: 1, total: 7.5 },
        ],
        total: 247.5,
      });
      expect((await store.fineTotals({ postedFrom: '2025-09-01T00:00:00.000Z' })).lines.map((l) => [l.month, l.person, l.total])).toEqual([
        ['2025-10', '王师傅', 240],
        ['2025-10', '赵师傅', 7.5],
        ['2025-09', '赵师傅', 99],
      ]);
      expect((await store.pageFines({ month: '2025-10', visibleTo: { username: 'nobody', stores: ['s9'] }, limit: 5 })).total).toBe(0);
      expect((await store.listFines({ month: '2025-09' })).map((f) => f.id)).toEqual(['sept']);
      await store.close();
    });

    it('when fines are read for one record, then only that record’s come, newest first, counted and summed on their own, and only within the scope', async () => {
      const store = await open();
      const on = (recordId: string, fine: ReturnType<typeof fineAt>) => ({ ...fine, recordId, uniqueKey: `${recordId}-${fine.id}` });
      await store.writeRecord({
        ...sampleWrite(sampleRecord('led1')),
        fines: [fineAt('x1', '王师傅', 10, '2025-10-02T01:00:00.000Z'), fineAt('x2', '赵师傅', 20, '2025-10-03T01:00:00.000Z')],
      });
      await store.writeRecord({
        ...sampleWrite(sampleRecord('led2', { store: 's2', createdBy: 'clerk2', assignee: 'tech2' })),
        fines: [
          on('led2', fineAt('y1', '王师傅', 180, '2025-09-30T15:00:00.000Z')),
          on('led2', fineAt('y2', '王师傅', -180, '2025-10-13T06:00:00.000Z', 'reversal')),
          on('led2', fineAt('y3', null, 9, '2025-10-13T06:00:00.000Z')),
        ],
      });
      const page = await store.pageFines({ recordId: 'led2', limit: 2 });
      expect(page.items.map((f) => f.id)).toEqual(['y3', 'y2']);
      expect(page).toMatchObject({ more: true, total: 3, capped: false });
      const rest = await store.pageFines({ recordId: 'led2', limit: 2, after: [page.items[1]!.postedAt, page.items[1]!.id] });
      expect(rest.items.map((f) => f.id)).toEqual(['y1']);
      expect((await store.listFines({ recordId: 'led1' })).map((f) => f.id)).toEqual(['x2', 'x1']);
      // Totals of that record alone (the tallies are not per record), across its months.
      expect(await store.fineTotals({ recordId: 'led2' })).toEqual({
        lines: [
          { month: '2025-10', person: '', payerRole: 'technician', count: 1, total: 9 },
          { month: '2025-10', person: '王师傅', payerRole: 'technician', count: 0, total: -180 },
          { month: '2025-09', person: '王师傅', payerRole: 'technician', count: 1, total: 180 },
        ],
        total: 9,
      });
      expect((await store.pageFines({ recordId: 'led2', month: '2025-10', limit: 5 })).total).toBe(2);
      // The scope still applies: a user of another store sees none of its fines; one of its store, all.
      const outsider = { username: 'nobody', stores: ['s1'] };
      expect(await store.pageFines({ recordId: 'led2', visibleTo: outsider, limit: 5 })).toMatchObject({ items: [], total: 0 });
      expect(await store.fineTotals({ recordId: 'led2', visibleTo: outsider })).toEqual({ lines: [], total: 0 });
      expect((await store.pageFines({ recordId: 'led2', visibleTo: { username: 'nobody', stores: ['s2'] }, limit: 5 })).total).toBe(3);
      expect((await store.pageFines({ recordId: 'no-such-record', limit: 5 })).items).toEqual([]);
      await store.close();
    });

    it('when the dashboards count, then records per field value and deadlines per week and group are counted by the database, types as JavaScript shows them', async () => {
      const store = await open();
      const values: unknown[] = ['urban', 'urban', 'suburban', null, undefined, true, 3];
      for (const [i, zone] of values.entries()) {
        const id = `d${i}`;
        const record = sampleRecord(id, {
          formId: 'dash',
          data: { ...(zone === undefined ? {} : { zone }), tech: i % 2 === 0 ? '王' : '赵' },
        });
        const row = (key: string, dueAt: string, state: 'met' | 'breached' | 'open') => ({
          recordId: id,
          formId: 'dash',
          key,
          dueAt,
          state,
          remindAt: null,
          reminded: false,
          deadline: { key } as never,
        });
        await store.writeRecord({
          ...sampleWrite(record),
          deadlines: [
            row('a', '2025-10-06T02:00:00.000Z', 'met'),
            row('b', '2025-10-05T15:00:00.000Z', 'breached'),
            row('c', '2025-10-07T00:00:00.000Z', 'open'),
          ],
        });
      }
      const counts = await store.recordCounts({ formId: 'dash', field: 'zone', by: 'tech' });
      const asMap = Object.fromEntries(counts.map((c) => [`${c.value}|${c.split}`, c.count]));
      expect(asMap).toEqual({ 'urban|王': 1, 'urban|赵': 1, 'suburban|王': 1, '|赵': 1, '|王': 1, 'true|赵': 1, '3|王': 1 });
      const weeks = await store.complianceCounts({
        formId: 'dash',
        groupBy: 'tech',
        dueFrom: '2025-09-28T16:00:00.000Z',
        dueTo: '2025-10-09T00:00:00.000Z',
      });
      const byKey = Object.fromEntries(weeks.map((w) => [`${w.group}|${w.week}|${w.state}`, w.count]));
      // 2025-10-05 15:00 UTC is Sunday 23:00 in China: the week of Monday 29 September; 6 October 02:00 UTC is Monday.
      expect(byKey).toEqual({ '王|2025-10-06|met': 4, '赵|2025-10-06|met': 3, '王|2025-09-29|breached': 4, '赵|2025-09-29|breached': 3 });
      expect(
        await store.complianceCounts({
          groupBy: 'tech',
          dueFrom: '2025-10-06T00:00:00.000Z',
          dueTo: '2025-10-09T00:00:00.000Z',
          visibleTo: { username: 'x', stores: ['s2'] },
        }),
      ).toEqual([]);
      await store.close();
    });

    it('when a history fact is computed, then the database compares as JavaScript does (strict types, numbers only for order) and leaves the record itself out', async () => {
      const store = await open();
      const data: Record<string, unknown>[] = [
        { advisor: '陈', rate: 0.85 },
        { advisor: '陈', rate: 0.95 },
        { advisor: '陈', rate: '0.8' },
        { advisor: '林', rate: 0.8 },
        { rate: 0.7 },
        { advisor: '陈', rate: 0.9, nested: { n: 2 } },
      ];
      for (const [i, d] of data.entries())
        await store.writeRecord(
          sampleWrite(sampleRecord(`h${i}`, { formId: 'hist', data: d, createdAt: `2025-10-0${i + 1}T00:00:00.000Z` })),
        );
      const base = { formId: 'hist', createdFrom: '2025-10-01T00:00:00.000Z', createdTo: '2025-10-31T00:00:00.000Z', excludeId: 'new' };
      const count = (where: { field: string; op: 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte'; value: unknown }[], extra = {}) =>
        store.historyAggregate({ ...base, ...extra, where, aggregate: 'count' });
      expect(
        await count([
          { field: 'advisor', op: 'eq', value: '陈' },
          { field: 'rate', op: 'lte', value: 0.9 },
        ]),
      ).toBe(2);
      expect(await count([{ field: 'advisor', op: 'ne', value: '陈' }])).toBe(2);
      expect(await count([{ field: 'advisor', op: 'eq', value: undefined }])).toBe(1);
      expect(await count([{ field: 'rate', op: 'eq', value: '0.8' }])).toBe(1);
      expect(await count([{ field: 'rate', op: 'eq', value: 0.8 }])).toBe(1);
      expect(await count([{ field: 'nested.n', op: 'gte', value: 2 }])).toBe(1);
      expect(await count([{ field: 'advisor', op: 'eq', value: '陈' }], { excludeId: 'h0' })).toBe(3);
      expect(await count([], { createdFrom: '2025-10-03T00:00:00.000Z', createdTo: '2025-10-04T00:00:00.000Z' })).toBe(2);
      expect(
        await store.historyAggregate({ ...base, where: [{ field: 'advisor', op: 'eq', value: '陈' }], aggregate: 'sum', field: 'rate' }),
      ).toBeCloseTo(2.7);
      await store.close();
    });
  });
  // Every repository method, through `store.<repository>` (testing/storeRepositoryContract.ts).
  describeRepositoryContract(name, open);
}
