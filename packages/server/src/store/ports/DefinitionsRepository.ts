import type { DocumentKind, DocumentState, PublishedVersion } from '../types.js';

/** One document of a publish (see `DefinitionsRepository.publish`). */
export interface PublishItem {
  kind: DocumentKind;
  id: string;
  definition: unknown;
  hash: string;
  note?: string;
  clearDraft: boolean;
}

/** Forms, rule sets, calendars and roles: drafts and immutable published versions. */
export interface DefinitionsRepository {
  listDocuments(kind: DocumentKind): Promise<DocumentState[]>;
  getDocument(kind: DocumentKind, id: string): Promise<DocumentState | null>;
  saveDraft(kind: DocumentKind, id: string, definition: unknown, actor: string, at: string): Promise<void>;
  discardDraft(kind: DocumentKind, id: string, actor: string, at: string): Promise<boolean>;
  setArchived(kind: DocumentKind, id: string, archived: boolean, actor: string, at: string): Promise<boolean>;
  /**
   * Publishes several documents at once (all or nothing). A document whose content hash equals its
   * latest version gets no new version. Returns the version each document is at afterwards.
   */
  publish(
    items: PublishItem[],
    actor: string,
    at: string,
  ): Promise<{ kind: DocumentKind; id: string; version: number; created: boolean }[]>;
  /** Grows whenever published content or archiving changes (any instance): caches compare it. */
  definitionsGeneration(): Promise<number>;
  listVersions(kind: DocumentKind, id: string): Promise<Omit<PublishedVersion, 'definition'>[]>;
  getVersion(kind: DocumentKind, id: string, version: number): Promise<PublishedVersion | null>;
}
