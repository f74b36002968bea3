import type { CalendarFile, RuleSetFile } from '@aftersales/engine';
import { STORE_ZONE } from '../../shared/format';

/** The zone a rule set reads and writes times in: its calendar's, else the stores' (the engine's fallback calendar's). */
export function ruleSetZone(ruleSet: Pick<RuleSetFile, 'calendar'> | null | undefined, calendars: readonly CalendarFile[]): string {
  return calendars.find((c) => c.id === ruleSet?.calendar)?.timeZone ?? STORE_ZONE;
}
