import type Database from 'better-sqlite3';

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A statement prepared once per database handle and SQL text (the query files' statement cache). */
export function prepared(db: Database.Database, sql: string): Database.Statement {
  let statements = cache.get(db);
  if (!statements) cache.set(db, (statements = new Map<string, Database.Statement>()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.prepare(sql)));
  return statement;
}

/** A WHERE clause built from parts, with its parameters in order. */
export class Conditions {
  constructor(
    readonly parts: string[] = [],
    readonly params: unknown[] = [],
  ) {}
  add(sql: string, ...params: unknown[]): this {
    this.parts.push(sql);
    this.params.push(...params);
    return this;
  }
  with(sql: string, ...params: unknown[]): Conditions {
    return new Conditions([...this.parts, sql], [...this.params, ...params]);
  }
  clause(): string {
    return this.parts.length > 0 ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

/** Lists count their rows only up to this many (an index walk of at most this length); past it the total is "at least". */
export const COUNT_CAP = 10_000;

/** How many rows a filter matches, counted no further than `cap` (+1 to know it was reached). */
export function cappedCount(db: Database.Database, from: string, where: Conditions, cap = COUNT_CAP): { total: number; capped: boolean } {
  const n = Number(
    (
      prepared(db, `SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${from} ${where.clause()} LIMIT ?)`).get(...where.params, cap + 1) as {
        n: number;
      }
    ).n,
  );
  return n > cap ? { total: cap, capped: true } : { total: n, capped: false };
}
