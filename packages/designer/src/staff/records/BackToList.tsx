import type { ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';

/** The history state of a record opened from the records list (a row's link). */
export const FROM_LIST = { fromList: true } as const;

/**
 * A link back to the records list. When the record was opened from the list, it goes back in the
 * history, as the browser's back button does: the list comes back with its filters, its rows and
 * where it was (useListPlace), not a fresh first page.
 */
export function BackToList({ children }: { children: ReactNode }) {
  const state = useLocation().state as Partial<typeof FROM_LIST> | null;
  const navigate = useNavigate();
  const fromList = state?.fromList === true;
  return (
    <Link
      to="/staff/records"
      onClick={(e) => {
        if (!fromList || e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        void navigate(-1);
      }}
    >
      {children}
    </Link>
  );
}
