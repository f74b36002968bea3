import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../../testing/startTestServer.js';

const call = {
  ticketNo: 'S-1',
  customer: { name: '王女士', phone: '13900139000', address: '解放路 18 号' },
  callTime: '2025-10-09T10:00:00+08:00',
  zone: 'urban',
  serviceType: 'repair',
  technician: '赵师傅',
};

describe('SQLite stored evaluation', () => {
  it('when an F1 record is written, then its evaluation is stored deflated under 1.5 KB and reads back exactly', async () => {
    const server = await startTestServer({ clock: () => new Date('2025-10-09T10:05:00+08:00') });
    try {
      const { records, store } = server.services;
      const { record } = await records.create('after-sales-record', call, 'clerk');
      const db = new Database(join(server.dataDir, 'aftersales.sqlite'), { readonly: true });
      const raw = (db.prepare('SELECT evaluation FROM records WHERE id = ?').get(record.id) as { evaluation: unknown }).evaluation;
      db.close();
      expect(Buffer.isBuffer(raw)).toBe(true);
      expect((raw as Buffer).length).toBeLessThan(1536);
      expect((raw as Buffer).length).toBeLessThan(JSON.stringify(record.evaluation).length / 3);
      const back = await store.getRecord(record.id);
      expect(back!.evaluation).toEqual(JSON.parse(JSON.stringify(record.evaluation)));
    } finally {
      await server.close();
    }
  });

  it('when a record was stored before (its evaluation as JSON text), then it still reads and explains', async () => {
    const server = await startTestServer({ clock: () => new Date('2025-10-09T10:05:00+08:00') });
    try {
      const { records, store } = server.services;
      const { record } = await records.create('after-sales-record', call, 'clerk');
      const explained = await records.present(record, { explain: true });
      const db = new Database(join(server.dataDir, 'aftersales.sqlite'));
      db.prepare('UPDATE records SET evaluation = ? WHERE id = ?').run(JSON.stringify(record.evaluation), record.id);
      expect(typeof (db.prepare('SELECT evaluation FROM records WHERE id = ?').get(record.id) as { evaluation: unknown }).evaluation).toBe(
        'string',
      );
      db.close();
      const back = await store.getRecord(record.id);
      expect(back!.evaluation).toEqual(JSON.parse(JSON.stringify(record.evaluation)));
      expect(await records.present(back!, { explain: true })).toEqual(explained);
      expect((await store.listRecords({ formId: 'after-sales-record', limit: 10, offset: 0 })).items[0]!.evaluation).toEqual(
        back!.evaluation,
      );
    } finally {
      await server.close();
    }
  });
});
