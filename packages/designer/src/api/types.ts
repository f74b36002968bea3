import type { CalendarFile, Evaluation, FormDefinition, LocalizedText, RolesFile, RuleSetFile } from '@aftersales/engine';

export type Role = 'admin' | 'manager' | 'staff';

export interface User {
  id?: string;
  username: string;
  displayName?: string;
  roles: Role[];
  /** Policy roles (rules/roles.json ids) the person holds, e.g. technician. */
  policyRoles?: string[];
  stores?: string[];
}

export type DocumentKind = 'forms' | 'ruleSets';

/** A form or rule set in the list: its published version and whether a draft waits. */
export interface DocumentSummary {
  id: string;
  title: LocalizedText;
  /** Rule sets: the form they read. */
  form?: string;
  publishedVersion: number | null;
  hasDraft: boolean;
  archived: boolean;
  updatedAt?: string;
}

export interface PublishedVersion<T> {
  version: number;
  definition: T;
  publishedAt?: string;
  publishedBy?: string;
  note?: string;
}

export interface DocumentDetail<T> {
  id: string;
  published: PublishedVersion<T> | null;
  draft: { definition: T; updatedAt?: string; updatedBy?: string } | null;
  archived: boolean;
}

export interface VersionInfo {
  version: number;
  publishedAt?: string;
  publishedBy?: string;
  note?: string;
  /** Set when this version re-published an older one (a rollback). */
  rolledBackFrom?: number;
}

export type DefinitionOf<K extends DocumentKind> = K extends 'forms' ? FormDefinition : RuleSetFile;

/** A record as the server keeps it: its data, status, pinned versions and last evaluation. */
export interface RecordSummary {
  id: string;
  form: string;
  formVersion?: number;
  status?: string;
  data: Record<string, unknown>;
  createdAt?: string;
  updatedAt?: string;
  evaluation?: Evaluation;
  /** History fact values the server computed for the record, by rule set id then fact name. */
  history?: Record<string, Record<string, unknown>>;
}

export interface ReferenceData {
  calendars: CalendarFile[];
  roles: RolesFile | null;
}
