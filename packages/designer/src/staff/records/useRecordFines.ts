import { useEffect, useState } from 'react';
import { useApi } from '../../app/ApiContext';
import { useAuth } from '../../app/auth/AuthContext';
import { useI18n } from '../../i18n/I18nContext';
import { problemText } from '../../shared/problemText';

/** A record has a handful of fines: the server's largest page holds them all but in a pathological case. */
const PAGE = 500;

type Ledger = Awaited<ReturnType<ReturnType<typeof useApi>['work']['fines']>>;

/** A record's fines as the ledger holds them, and what reading them says. */
export interface RecordFines {
  /** The record's fines (null while loading, or for someone the ledger is not for). */
  ledger: Ledger | null;
  error: string | null;
  loadingMore: boolean;
  /** The next page, added under those shown. */
  more: () => void;
  /** Reads them again (after a correction). */
  reload: () => void;
}

/**
 * The fines posted on a record, from the fines ledger filtered by the record: read only for those the
 * ledger is for (managers and admins; the server applies their store scope), once the record is known
 * (`recordId` null: not yet), and again when `version` changes.
 */
export function useRecordFines(recordId: string | null, version: unknown): RecordFines {
  const api = useApi();
  const { hasRole } = useAuth();
  const { t, locale } = useI18n();
  const manager = hasRole('admin', 'manager');
  const [ledger, setLedger] = useState<Ledger | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    if (!manager || recordId === null) return;
    let live = true;
    api.work
      .fines({ record: recordId, limit: PAGE })
      .then((l) => live && (setLedger(l), setError(null)))
      .catch((e: unknown) => live && (setLedger(null), setError(problemText(e, t, locale))));
    return () => {
      live = false;
    };
  }, [api, manager, recordId, version, reloads, t, locale]);

  const more = () => {
    if (!ledger?.nextCursor || loadingMore || recordId === null) return;
    setLoadingMore(true);
    api.work
      .fines({ record: recordId, limit: PAGE, cursor: ledger.nextCursor })
      .then((l) => setLedger((shown) => (shown ? { ...l, items: [...shown.items, ...l.items] } : shown)))
      .catch((e: unknown) => setError(problemText(e, t, locale)))
      .finally(() => setLoadingMore(false));
  };

  return {
    ledger: manager ? ledger : null,
    error: manager ? error : null,
    loadingMore,
    more,
    reload: () => setReloads((n) => n + 1),
  };
}
