import { describe, expect, it } from 'vitest';
import type { Store } from '../store/Store.js';
import type { StoredRecord } from '../store/types.js';

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

const write = (record: StoredRecord, previous: StoredRecord | null = null) => ({
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
      await store.writeRecord(write(first));
      const second = { ...first, data: { text: 'b' }, rev: 2 };
      await store.writeRecord(write(second, first));
      await expect(store.writeRecord(write({ ...first, data: { text: 'c' }, rev: 2 }, first))).rejects.toMatchObject({ code: 'conflict' });
      expect((await store.getRecord('r1'))?.data).toEqual({ text: 'b' });
      await store.close();
    });

    it('when two updates from the same revision race, then exactly one is stored and the other is a conflict', async () => {
      const store = await open();
      const first = sampleRecord('race');
      await store.writeRecord(write(first));
      const results = await Promise.allSettled([
        store.writeRecord(write({ ...first, data: { text: 'a' }, rev: 2 }, first)),
        store.writeRecord(write({ ...first, data: { text: 'b' }, rev: 2 }, first)),
        store.writeRecord(write(sampleRecord('race-other'))),
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
          write(sampleRecord(`p${i}`, { formId: 'paged', status: i % 2 ? 'done' : 'open', createdAt: `2025-10-0${i + 1}T00:00:00.000Z` })),
        );
      const page = await store.listRecords({ formId: 'paged', status: 'open', limit: 2, offset: 0 });
      expect(page.total).toBe(3);
      expect(page.items.map((r) => r.id)).toEqual(['p4', 'p2']);
      expect((await store.listRecords({ formId: 'paged', createdFrom: '2025-10-04T00:00:00.000Z', limit: 10, offset: 0 })).total).toBe(2);
      await store.close();
    });

    it("when a user's sessions are ended, then none of theirs is left and others' stay", async () => {
      const store = await open();
      await store.createSession({ tokenHash: 'a1', userId: 'ua', expiresAt: '2099-01-01T00:00:00.000Z' });
      await store.createSession({ tokenHash: 'a2', userId: 'ua', expiresAt: '2099-01-01T00:00:00.000Z' });
      await store.createSession({ tokenHash: 'b1', userId: 'ub', expiresAt: '2099-01-01T00:00:00.000Z' });
      await store.deleteSessionsOf('ua');
      expect(await store.sessionByHash('a1')).toBeNull();
      expect(await store.sessionByHash('a2')).toBeNull();
      expect(await store.sessionByHash('b1')).not.toBeNull();
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
      for (const record of seed) await store.writeRecord(write(record));
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
      for (const id of ['d1', 'd2', 'd3']) await store.writeRecord({ ...write(sampleRecord(id)), deadlines: [row(id)] });
      expect((await store.listDeadlines({ recordIds: ['d1', 'd3'] })).map((d) => d.recordId).sort()).toEqual(['d1', 'd3']);
      expect(await store.listDeadlines({ recordIds: [] })).toEqual([]);
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
      await store.writeRecord({ ...write(record), fines: [fine] });
      await store.writeRecord({ ...write({ ...record, rev: 2 }, record), fines: [{ ...fine, id: 'x2' }] });
      expect((await store.listFines({})).filter((f) => f.recordId === 'r9')).toHaveLength(1);
      await store.close();
    });

    it('when text holds any unicode, then it is stored and read back intact', async () => {
      const store = await open();
      const text = '𠜎𠜱 \u0000 \u202e RTL 😀 \'"; DROP TABLE records;--';
      await store.writeRecord(write(sampleRecord('u1', { data: { text } })));
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
      await store.writeRecord({ ...write(first), approvals: [task('t1', 1, { severity: 'serious' })] });
      const second = { ...first, data: { severity: 'general' }, rev: 2 };
      await store.writeRecord(write(second, first));
      expect(await store.listApprovals({ recordId: 'ap1' })).toEqual([task('t1', 1, { severity: 'serious' })]);
      const third = { ...second, data: { severity: 'serious' }, rev: 3 };
      await store.writeRecord({ ...write(third, second), approvals: [task('t2', 3, { severity: 'serious' })] });
      expect((await store.listApprovals({ recordId: 'ap1' })).map((a) => a.id)).toEqual(['t1']);
      const withdrawn = { ...task('t1', 1, {}), state: 'withdrawn' as const, decidedBy: 'boss', decidedAt: 't', comment: '录入错误' };
      expect(await store.decideApproval(withdrawn, 'boss')).toBe(true);
      const fourth = { ...third, rev: 4 };
      await store.writeRecord({ ...write(fourth, third), approvals: [task('t3', 4, { severity: 'serious' })] });
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
  });
}
