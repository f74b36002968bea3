import type { Access } from '../Route.js';

/**
 * Who may read the fines ledger: managers and admins (within their store scope), and API keys that
 * read records. A record's history shows its fines' waivers and corrections to them alone.
 */
export const FINES_LEDGER: Access = { roles: ['admin', 'manager'], scope: 'records:read' };
