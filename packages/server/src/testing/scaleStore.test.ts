import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeEvaluation } from '../store/evaluationCodec.js';
import { buildScaleStore } from './scaleStore.js';

type Row = Record<string, unknown>;

const SIZE = 240;
const NOW = Date.parse('2026-06-15T04:00:00.000Z');
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function built(bulk: boolean): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), `aftersales-scale-${bulk ? 'bulk' : 'plain'}-`));
  dirs.push(dir);
  await buildScaleStore(dir, { size: SIZE, now: NOW, bulk, adminPassword: 'scale-test-password-1' });
  return dir;
}

/**
 * What the build wrote, with every id the services draw at random (records, approvals, fines,
 * notices, users) replaced by a name that follows from the data (a record by its form and number,
 * the others by their unique key or record and rule), so two builds of the same calls compare equal.
 */
function contents(dir: string) {
  const db = new Database(join(dir, 'aftersales.sqlite'), { readonly: true });
  try {
    const all = (sql: string) => db.prepare(sql).all() as Row[];
    const names = new Map<string, string>();
    for (const r of all(
      "SELECT id, form_id, json_extract(data, '$.ticketNo') AS t, json_extract(data, '$.requisitionNo') AS q FROM records",
    ))
      names.set(String(r.id), `record:${String(r.form_id)}:${String(r.t ?? r.q)}`);
    for (const u of all('SELECT id, username FROM users')) names.set(String(u.id), `user:${String(u.username)}`);
    const named = (text: string) => {
      let out = text;
      for (const [id, name] of names) out = out.replaceAll(id, name);
      return out;
    };
    for (const a of all('SELECT id, record_id, rule FROM approvals'))
      names.set(String(a.id), `approval:${named(String(a.record_id))}:${String(a.rule)}`);
    for (const table of ['fines', 'notifications'])
      for (const r of all(`SELECT id, unique_key FROM ${table}`)) names.set(String(r.id), `${table}:${named(String(r.unique_key))}`);
    const rows = (sql: string, map: (row: Row) => Row = (row) => row) =>
      all(sql)
        .map((row) => named(JSON.stringify(map(row))))
        .sort();
    return {
      records: rows('SELECT rowid AS rowid_, * FROM records', (r) => ({ ...r, evaluation: decodeEvaluation(r.evaluation) })),
      deadlines: rows('SELECT * FROM deadlines'),
      fines: rows('SELECT * FROM fines'),
      notifications: rows('SELECT * FROM notifications'),
      approvals: rows('SELECT * FROM approvals'),
      audit: rows("SELECT * FROM audit WHERE entity != 'user'"),
      counters: rows('SELECT * FROM counters'),
      schema: rows("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"),
      // The search indexes, by the records each word finds.
      search: ['王先生', '13', '解放路', '王师傅', '李'].map((word) => ({
        word,
        trigram: [...word].length >= 3 ? all(`SELECT rowid FROM records_search WHERE records_search MATCH '"${word}"' ORDER BY rowid`) : [],
        words: all(`SELECT rowid FROM records_words WHERE records_words MATCH '"${word}"*' ORDER BY rowid`),
      })),
    };
  } finally {
    db.close();
  }
}

describe('buildScaleStore', () => {
  it('when the same calls are built in bulk and written one by one through the services, then every table, the search indexes and the schema are the same', async () => {
    const plain = contents(await built(false));
    const bulk = contents(await built(true));
    // The history has what the bench measures: calls, requisitions with decided and pending approvals, breaches with fines and notices.
    expect(plain.records.length).toBe(SIZE + SIZE / 10);
    expect(plain.approvals.some((a) => a.includes('"state":"pending"'))).toBe(true);
    expect(plain.approvals.some((a) => a.includes('"state":"approved"'))).toBe(true);
    expect(plain.deadlines.some((d) => d.includes('"state":"breached"'))).toBe(true);
    expect(plain.deadlines.some((d) => d.includes('"state":"open"'))).toBe(true);
    expect(plain.fines.length).toBeGreaterThan(0);
    expect(plain.notifications.length).toBeGreaterThan(0);
    expect(plain.search.every((s) => s.words.length > 0)).toBe(true);
    for (const key of Object.keys(plain) as (keyof typeof plain)[]) expect({ [key]: bulk[key] }).toEqual({ [key]: plain[key] });
  });
});
