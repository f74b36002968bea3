import Type from 'typebox';
import { endpoint } from '../endpoint.js';
import { IdParams, Instant, NextCursor, pageQuery, Text } from '../shapes.js';
import { RecordListItem, RecordView } from './records.js';

export const Dispatch = Type.Object(
  { assignee: Text(100), rev: Type.Integer({ minimum: 1, description: 'the revision read; a stale one is a 409' }) },
  { additionalProperties: false },
);

/** A user as a person field shows them: the reference stored in records (user name) and the name people read. */
export const Person = Type.Object({
  username: Type.String(),
  displayName: Type.String(),
  policyRoles: Type.Array(Type.String()),
  stores: Type.Array(Type.String()),
});

/** A store's name, as staff screens, prints and exports show it. */
export const StoreNameBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 60, pattern: '\\S', description: 'the name people read, e.g. 解放路店' }) },
  { additionalProperties: false },
);

/** The people and stores person and store fields pick from, dispatch, my jobs. */
export const fieldworkEndpoints = {
  people: endpoint({
    method: 'get',
    path: '/people',
    query: Type.Object({
      role: Type.Optional(
        Type.String({ maxLength: 100, description: 'only holders of this policy role (repeat with commas for several)' }),
      ),
      store: Type.Optional(
        Type.String({ maxLength: 100, description: 'only people of this store (people without stores belong to every store)' }),
      ),
    }),
    response: Type.Object({ items: Type.Array(Person) }),
  }),
  stores: endpoint({
    method: 'get',
    path: '/stores',
    response: Type.Object({
      items: Type.Array(Type.String()),
      /** The names people read, by store id (stores nobody named yet are left out). */
      names: Type.Record(Type.String(), Type.String()),
    }),
  }),
  nameStore: endpoint({
    method: 'put',
    path: '/stores/:id',
    params: IdParams,
    body: StoreNameBody,
    response: Type.Object({ id: Type.String(), name: Type.String(), updatedAt: Instant }),
  }),
  dispatch: endpoint({ method: 'post', path: '/records/:id/dispatch', params: IdParams, body: Dispatch, response: RecordView }),
  myJobs: endpoint({
    method: 'get',
    path: '/my-jobs',
    query: Type.Object(pageQuery(100)),
    response: Type.Object({ items: Type.Array(RecordListItem), nextCursor: NextCursor, now: Instant }),
  }),
};
