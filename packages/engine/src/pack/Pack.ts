import type { CalendarFile } from '../calendar/CalendarFile.js';
import type { FormDefinition } from '../forms/FormDefinition.js';
import type { RolesFile } from '../forms/RolesFile.js';
import type { RuleSetFile } from '../rules/RuleSetFile.js';

/** A pack file as read from disk or received over HTTP. */
export interface PackFile {
  path: string;
  text: string;
}

export interface PackEntry<T> {
  /** The file it came from. */
  file: string;
  definition: T;
}

/** A policy pack: forms, rule sets, calendars and the roles file, by id. */
export interface Pack {
  forms: Map<string, PackEntry<FormDefinition>>;
  ruleSets: Map<string, PackEntry<RuleSetFile>>;
  calendars: Map<string, PackEntry<CalendarFile>>;
  roles?: PackEntry<RolesFile>;
}

export function emptyPack(): Pack {
  return { forms: new Map(), ruleSets: new Map(), calendars: new Map() };
}
