import type { Db, Document } from 'mongodb';
import type { ImpactRow, ImpactRowFilter } from '../../impactRows.js';

function query(filter: Omit<ImpactRowFilter, 'limit' | 'after'>): Document {
  const q: Document = {
    formId: filter.formId,
    createdAt: { $lt: filter.createdTo, ...(filter.createdFrom ? { $gte: filter.createdFrom } : {}) },
  };
  if (filter.visibleTo) {
    const { username, stores } = filter.visibleTo;
    q.$or = [{ createdBy: username }, { assignee: username }, { store: { $in: stores } }];
  }
  return q;
}

/** The data, or only some of its top-level fields (names a projection cannot take read the whole data). */
function dataProjection(fields: readonly string[] | undefined): Document {
  if (!fields || fields.length === 0 || fields.some((f) => f.startsWith('$') || f.includes('.') || f.includes('\0'))) return { data: 1 };
  return Object.fromEntries(fields.map((f) => [`data.${f}`, 1]));
}

/** One keyset page of the records an impact replay reads (newest first), on the index { formId, createdAt, id }. */
export async function impactRows(db: Db, filter: ImpactRowFilter): Promise<ImpactRow[]> {
  const base = query(filter);
  const after = filter.after;
  const find = after ? { $and: [base, { $or: [{ createdAt: { $lt: after[0] } }, { createdAt: after[0], id: { $lt: after[1] } }] }] } : base;
  const docs = await db
    .collection('records')
    .find(find, {
      projection: {
        id: 1,
        formId: 1,
        status: 1,
        store: 1,
        assignee: 1,
        createdBy: 1,
        createdAt: 1,
        updatedAt: 1,
        ...dataProjection(filter.fields),
      },
    })
    .sort({ createdAt: -1, id: -1 })
    .limit(filter.limit)
    .toArray();
  return docs.map((d) => ({
    id: String(d.id),
    formId: String(d.formId),
    status: (d.status as string | null | undefined) ?? null,
    store: (d.store as string | null | undefined) ?? null,
    assignee: (d.assignee as string | null | undefined) ?? null,
    createdBy: String(d.createdBy),
    createdAt: String(d.createdAt),
    evaluatedAt: String(d.updatedAt),
    data: JSON.stringify(d.data ?? {}),
  }));
}

export function impactRowCount(db: Db, filter: Omit<ImpactRowFilter, 'limit' | 'after'>): Promise<number> {
  return db.collection('records').countDocuments(query(filter));
}
