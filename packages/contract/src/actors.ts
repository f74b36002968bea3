import type { LocalizedText } from '@aftersales/engine';

// Who did something, as the server writes it (an audit entry's `actor`, a version's `publishedBy`, a
// decision's `decidedBy`, a record's `createdBy`): a user's user name, an integrator's API key as
// `api-key:<its name>`, or the server's own work. User names cannot hold a colon (the API's pattern),
// and the server's own names are refused as user names, so the forms never mix.

/** The clock's work: deadlines breached, reminders, deadlines recomputed for a new calendar. */
export const CLOCK_ACTOR = 'clock';
/** The server's other work: the first start's default pack, the cleanup of unused files. */
export const SYSTEM_ACTOR = 'system';
/** User names a person cannot take (they name the server's own work). */
export const RESERVED_USERNAMES: readonly string[] = [CLOCK_ACTOR, SYSTEM_ACTOR];

const API_KEY = 'api-key:';

/** The actor of what an integrator's API key did, by the name the key was given. */
export function apiKeyActor(name: string): string {
  return `${API_KEY}${name}`;
}

/**
 * An actor in words, in both languages: a user by `displayName` (their display name; the user name
 * when it is not known), an API key by its name, the server's own work said as such.
 */
export function actorText(actor: string, displayName: (username: string) => string | undefined): LocalizedText {
  if (actor.startsWith(API_KEY)) {
    const name = actor.slice(API_KEY.length);
    return { 'zh-CN': `API 密钥“${name}”`, en: `API key “${name}”` };
  }
  if (actor === CLOCK_ACTOR) return { 'zh-CN': '系统（定时任务）', en: 'System (scheduled)' };
  if (actor === SYSTEM_ACTOR) return { 'zh-CN': '系统', en: 'System' };
  const name = displayName(actor) ?? actor;
  return { 'zh-CN': name, en: name };
}
