import type { StoredFile } from '../types.js';

/** Uploaded photos and documents, and which records named them. */
export interface FilesRepository {
  putFile(file: StoredFile): Promise<void>;
  getFile(id: string): Promise<StoredFile | null>;
  /** The records whose data named the file (record writes keep these references; they are never dropped). */
  recordIdsWithFile(fileId: string): Promise<string[]>;
  /** How many files and bytes a person uploaded since a time (the daily upload quota). */
  fileUsage(createdBy: string, since: string): Promise<{ count: number; bytes: number }>;
  /** Deletes files uploaded before `createdBefore` that no record ever named; answers them (without bytes). */
  deleteOrphanFiles(createdBefore: string): Promise<Omit<StoredFile, 'data'>[]>;
}
