import type {
  DocumentDetail as DocumentDetailSchema,
  DocumentSummary as DocumentSummarySchema,
  PublicUser,
  PublishedVersion as PublishedVersionSchema,
  RecordListItem,
  Role as RoleSchema,
  Static,
  VersionInfo as VersionInfoSchema,
} from '@aftersales/contract';
import type { CalendarFile, FormDefinition, RolesFile, RuleSetFile } from '@aftersales/engine';

/** The API's shapes are the contract's (packages/contract): nothing here is written twice. */
export type Role = Static<typeof RoleSchema>;
export type User = Static<typeof PublicUser>;
export type DocumentSummary = Static<typeof DocumentSummarySchema>;
export type VersionInfo = Static<typeof VersionInfoSchema>;
export type RecordSummary = Static<typeof RecordListItem>;

/** A published version or a detail with its definition typed as the document kind's file (the contract says JSON). */
export type PublishedVersion<T> = Omit<Static<typeof PublishedVersionSchema>, 'definition'> & { definition: T };
type Detail = Static<typeof DocumentDetailSchema>;
export type DocumentDetail<T> = Omit<Detail, 'published' | 'draft'> & {
  published: (Omit<NonNullable<Detail['published']>, 'definition'> & { definition: T }) | null;
  /** Kept in the editor after a save without a fetch: who and when may be unknown there. */
  draft: (Partial<Omit<NonNullable<Detail['draft']>, 'definition'>> & { definition: T }) | null;
};

/** The designer's own names for its two document editors (not API shapes). */
export type DocumentKind = 'forms' | 'ruleSets';
export type DefinitionOf<K extends DocumentKind> = K extends 'forms' ? FormDefinition : RuleSetFile;

export interface ReferenceData {
  calendars: CalendarFile[];
  roles: RolesFile | null;
}
