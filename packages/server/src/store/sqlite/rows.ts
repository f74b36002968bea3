/** A row as better-sqlite3 answers it. */
export type Row = Record<string, unknown>;

/** JSON text of a value for a TEXT column (null stays JSON null). */
export const json = (value: unknown) => JSON.stringify(value ?? null);
export const parse = <T>(text: unknown): T => JSON.parse(text as string) as T;
/** A nullable TEXT column. */
export const str = (value: unknown) => (value === null || value === undefined ? null : (value as string));
