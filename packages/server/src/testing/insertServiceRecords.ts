import Database from 'better-sqlite3';
import { sqliteFileIn } from '../store/sqlite/SqliteDatabase.js';

/**
 * Writes `count` after-sales records straight into a SQLite store's file (tests and benches that
 * need a long history: far faster than through the API). Monday-to-Friday calls at 09:00 over the
 * days before `until`, urban, arriving 1 to 8 hours later, spread over `stores` and `technicians`.
 * The stored evaluation is left empty: impact replays never read it.
 */
export function insertServiceRecords(
  dataDir: string,
  options: { count: number; until: Date; days: number; stores: string[]; technicians: string[] },
): void {
  const db = new Database(sqliteFileIn(dataDir));
  try {
    const insert = db.prepare(
      `INSERT INTO records (id, form_id, form_version, rule_set_versions, status, data, evaluation, store, assignee, created_by, created_at, updated_at, rev)
       VALUES (?, 'after-sales-record', 1, '{}', NULL, ?, '{}', ?, ?, 'admin', ?, ?, 1)`,
    );
    db.transaction(() => {
      for (let i = 0; i < options.count; i++) {
        let day = new Date(options.until.getTime() - (1 + (i % options.days)) * 86_400_000);
        while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day = new Date(day.getTime() - 86_400_000);
        const date = day.toISOString().slice(0, 10);
        const call = new Date(`${date}T09:00:00+08:00`);
        const arrival = new Date(call.getTime() + (60 + ((i * 37) % 420)) * 60_000);
        const store = options.stores[i % options.stores.length]!;
        const technician = options.technicians[(i * 7) % options.technicians.length]!;
        const data = {
          ticketNo: `SH-${String(i + 1).padStart(6, '0')}`,
          store,
          customer: { name: `客户${i + 1}`, phone: '13800138000', address: '解放路 18 号' },
          brand: 'kohler',
          serviceType: 'repair',
          problemDescription: '漏水',
          zone: 'urban',
          callTime: call.toISOString(),
          technician,
          arrivalTime: arrival.toISOString(),
        };
        const written = new Date(arrival.getTime() + 3_600_000).toISOString();
        const id = `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`;
        insert.run(id, JSON.stringify(data), store, technician, call.toISOString(), written);
      }
    })();
  } finally {
    db.close();
  }
}
