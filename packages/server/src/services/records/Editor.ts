import type { Principal } from '../Principal.js';

/** Who writes a record, as far as field access goes: the policy roles they hold; admins may change any field. */
export interface Editor {
  policyRoles: readonly string[];
  /** Admins: field access does not restrict them (their changes are audited like everyone's). */
  unrestricted: boolean;
}

export function editorOf(principal: Principal): Editor {
  if (principal.kind === 'apiKey') return { policyRoles: [], unrestricted: false };
  return { policyRoles: principal.user.policyRoles, unrestricted: principal.user.roles.includes('admin') };
}
