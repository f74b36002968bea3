import { actorText } from '@aftersales/contract';
import type { Locale } from '@aftersales/engine';
import type { Person } from '../../api/fieldworkApi';
import { personName } from './usePeople';

/**
 * Who did something (a history entry's actor, who published a version or decided an approval), as
 * people read it: a user by display name, an integrator's API key by its name, the server's own work
 * as "the system" (`actorText`, shared with the server's prints).
 */
export function actorName(people: readonly Person[] | null, actor: string | null | undefined, locale: Locale): string {
  if (!actor) return '';
  return actorText(actor, (username) => personName(people, username))[locale];
}
