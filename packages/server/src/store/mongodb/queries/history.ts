import type { Db, Document } from 'mongodb';
import type { HistoryAggregate } from '../../paging.js';

const NUMBER_TYPES = ['int', 'long', 'double', 'decimal'];

/** One filter with JavaScript's meaning: strict equality for eq/ne (types included), numbers only for lt…gte. */
function condition(filter: HistoryAggregate['where'][number]): Document {
  const at = `$data.${filter.field}`;
  const { value } = filter;
  if (filter.op === 'eq' || filter.op === 'ne') {
    const equal: Document =
      value === undefined
        ? { $eq: [{ $type: at }, 'missing'] }
        : value !== null && typeof value === 'object'
          ? { $literal: false }
          : typeof value === 'number'
            ? { $and: [{ $in: [{ $type: at }, NUMBER_TYPES] }, { $eq: [at, value] }] }
            : {
                $and: [
                  { $eq: [{ $type: at }, value === null ? 'null' : typeof value === 'boolean' ? 'bool' : 'string'] },
                  { $eq: [at, value] },
                ],
              };
    return filter.op === 'eq' ? equal : { $not: [equal] };
  }
  if (typeof value !== 'number') return { $literal: false };
  const op = { lt: '$lt', lte: '$lte', gt: '$gt', gte: '$gte' }[filter.op];
  return { $and: [{ $in: [{ $type: at }, NUMBER_TYPES] }, { [op]: [at, value] }] };
}

/** A history fact's count or sum: $match on the {formId, createdAt} index, $expr filters, one $group. */
export async function historyAggregate(db: Db, query: HistoryAggregate): Promise<number> {
  const rows = await db
    .collection('records')
    .aggregate<{ n: number }>([
      {
        $match: {
          formId: query.formId,
          createdAt: { $gte: query.createdFrom, $lte: query.createdTo },
          id: { $ne: query.excludeId },
          ...(query.where.length > 0 ? { $expr: { $and: query.where.map(condition) } } : {}),
        },
      },
      {
        $group: {
          _id: null,
          n:
            query.aggregate === 'count'
              ? { $sum: 1 }
              : {
                  $sum: {
                    $cond: [{ $in: [{ $type: `$data.${query.field ?? ''}` }, NUMBER_TYPES] }, `$data.${query.field ?? ''}`, 0],
                  },
                },
        },
      },
    ])
    .toArray();
  return Number(rows[0]?.n ?? 0);
}
