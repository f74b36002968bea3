import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DefinitionOf, DocumentDetail, DocumentKind } from '../../api/types';
import { useApi } from '../../app/ApiContext';
import { createHistory, pushHistory, redoHistory, resetHistory, undoHistory, type History } from '../../shared/history';
import { useLeaveGuard } from './useLeaveGuard';

export interface DocumentEditor<D> {
  detail: DocumentDetail<D> | null;
  error: unknown;
  loading: boolean;
  /** The definition being edited: the draft, else the published version. */
  value: D | null;
  /** Changed since the last load or save. */
  dirty: boolean;
  change: (next: D, coalesceKey?: string) => void;
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
  save: () => Promise<void>;
  reload: () => Promise<void>;
}

/** Loads a form or rule set, keeps its edits with undo/redo, saves the draft; asks before unsaved edits are left behind. */
export function useDocumentEditor<K extends DocumentKind>(kind: K, id: string): DocumentEditor<DefinitionOf<K>> {
  type D = DefinitionOf<K>;
  const api = useApi();
  const docs = api[kind];
  const [detail, setDetail] = useState<DocumentDetail<D> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [history, setHistory] = useState<History<D | null>>(createHistory(null));
  const [saved, setSaved] = useState<D | null>(null);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const next = (await docs.get(id)) as DocumentDetail<D>;
      setDetail(next);
      const value = next.draft?.definition ?? next.published?.definition ?? null;
      setHistory(resetHistory(value));
      setSaved(value);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [docs, id]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const change = useCallback((next: D, coalesceKey?: string) => setHistory((h) => pushHistory(h, next, coalesceKey)), []);
  const undo = useCallback(() => setHistory((h) => undoHistory(h)), []);
  const redo = useCallback(() => setHistory((h) => redoHistory(h)), []);

  const save = useCallback(async () => {
    const value = history.present;
    if (!value) return;
    await docs.saveDraft(id, value as never);
    setSaved(value);
    setDetail((d) => (d ? { ...d, draft: { definition: value } } : d));
  }, [docs, id, history.present]);

  const dirty = useMemo(() => JSON.stringify(history.present) !== JSON.stringify(saved), [history.present, saved]);

  useLeaveGuard(dirty);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  return {
    detail,
    error,
    loading,
    value: history.present,
    dirty,
    change,
    undo,
    redo,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    save,
    reload,
  };
}
