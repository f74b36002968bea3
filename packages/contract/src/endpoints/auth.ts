import Type from 'typebox';
import { endpoint } from '../endpoint.js';
import { ApiKeyInfo, IdParams, PublicUser, Role, Scope, Text } from '../shapes.js';

const Password = Type.String({ minLength: 10, maxLength: 500 });
const Roles = Type.Array(Role, { minItems: 1, uniqueItems: true });
const PolicyRoles = Type.Array(Type.String({ pattern: '^[a-z][A-Za-z0-9]*$' }), { uniqueItems: true, maxItems: 50 });
const Stores = Type.Array(Text(100), { uniqueItems: true, maxItems: 50 });

export const Login = Type.Object(
  { username: Text(100), password: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);
export const UserCreate = Type.Object(
  {
    username: Type.String({ pattern: '^[A-Za-z0-9._-]{2,50}$' }),
    displayName: Text(100),
    password: Password,
    roles: Roles,
    policyRoles: Type.Optional(PolicyRoles),
    stores: Type.Optional(Stores),
  },
  { additionalProperties: false },
);
export const UserUpdate = Type.Object(
  {
    displayName: Type.Optional(Text(100)),
    password: Type.Optional(Password),
    roles: Type.Optional(Roles),
    policyRoles: Type.Optional(PolicyRoles),
    stores: Type.Optional(Stores),
  },
  { additionalProperties: false },
);
export const ApiKeyCreate = Type.Object(
  { name: Text(100), scopes: Type.Array(Scope, { minItems: 1, uniqueItems: true }) },
  { additionalProperties: false },
);

const UserAnswer = Type.Object({ user: PublicUser });

/** Sign in and out, users and integrator API keys. */
export const authEndpoints = {
  login: endpoint({ method: 'post', path: '/auth/login', body: Login, response: UserAnswer }),
  logout: endpoint({ method: 'post', path: '/auth/logout', status: 204 }),
  me: endpoint({ method: 'get', path: '/auth/me', response: Type.Object({ user: Type.Union([PublicUser, Type.Null()]) }) }),
  listUsers: endpoint({ method: 'get', path: '/users', response: Type.Object({ items: Type.Array(PublicUser) }) }),
  createUser: endpoint({ method: 'post', path: '/users', body: UserCreate, response: PublicUser, status: 201 }),
  updateUser: endpoint({ method: 'put', path: '/users/:id', params: IdParams, body: UserUpdate, response: PublicUser }),
  deactivateUser: endpoint({ method: 'post', path: '/users/:id/deactivate', params: IdParams, response: PublicUser }),
  reactivateUser: endpoint({ method: 'post', path: '/users/:id/reactivate', params: IdParams, response: PublicUser }),
  listApiKeys: endpoint({ method: 'get', path: '/api-keys', response: Type.Object({ items: Type.Array(ApiKeyInfo) }) }),
  createApiKey: endpoint({
    method: 'post',
    path: '/api-keys',
    body: ApiKeyCreate,
    response: Type.Object({ key: ApiKeyInfo, secret: Type.String({ description: 'shown this once' }) }),
    status: 201,
  }),
  revokeApiKey: endpoint({ method: 'delete', path: '/api-keys/:id', params: IdParams, status: 204 }),
};
