import type { Endpoint } from '../endpoint.js';
import { authEndpoints } from './auth.js';
import { calendarEndpoints, formEndpoints, formValidatorEndpoint, rolesEndpoint, ruleSetEndpoints } from './definitions.js';
import { fieldworkEndpoints } from './fieldwork.js';
import { impactEndpoints } from './impact.js';
import { linkEndpoints } from './links.js';
import { noticeEndpoints } from './notices.js';
import { packEndpoints } from './pack.js';
import { recordEndpoints } from './records.js';
import { workEndpoints } from './work.js';

/** Every endpoint of the API under /api/v1, by area. */
export const api = {
  auth: authEndpoints,
  forms: formEndpoints,
  ruleSets: ruleSetEndpoints,
  calendars: calendarEndpoints,
  formValidator: formValidatorEndpoint,
  roles: rolesEndpoint,
  records: recordEndpoints,
  work: workEndpoints,
  pack: packEndpoints,
  impact: impactEndpoints,
  fieldwork: fieldworkEndpoints,
  notices: noticeEndpoints,
  links: linkEndpoints,
};

/** Every endpoint as a flat list (for the OpenAPI document and the response checks of the tests). */
export function allEndpoints(): Endpoint[] {
  const out: Endpoint[] = [];
  const walk = (value: unknown) => {
    if (value && typeof value === 'object' && 'method' in value && 'path' in value) out.push(value as Endpoint);
    else if (value && typeof value === 'object') for (const child of Object.values(value)) walk(child);
  };
  walk(api);
  return out;
}

export * from './auth.js';
export * from './definitions.js';
export * from './fieldwork.js';
export * from './links.js';
export * from './impact.js';
export * from './notices.js';
export * from './pack.js';
export * from './records.js';
export * from './work.js';
