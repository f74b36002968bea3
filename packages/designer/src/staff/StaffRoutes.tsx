import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { RequireRole } from '../app/auth/RequireRole';
import { Loading } from '../app/Loading';
import { AreaMessages } from '../i18n/I18nContext';

// Every screen its own chunk: the form screen a technician opens on a phone loads only itself and
// RJSF, never the tables, charts or ledger (bench/bundle-size.ts measures it).
const StaffHome = lazy(() => import('./home/StaffHome').then((m) => ({ default: m.StaffHome })));
const FillFormPage = lazy(() => import('./fill/FillFormPage').then((m) => ({ default: m.FillFormPage })));
const RecordsPage = lazy(() => import('./records/RecordsPage').then((m) => ({ default: m.RecordsPage })));
const RecordDetailPage = lazy(() => import('./records/RecordDetailPage').then((m) => ({ default: m.RecordDetailPage })));
const PrintRecordPage = lazy(() => import('./records/PrintRecordPage').then((m) => ({ default: m.PrintRecordPage })));
const MyJobsPage = lazy(() => import('./jobs/MyJobsPage').then((m) => ({ default: m.MyJobsPage })));
const ApprovalsPage = lazy(() => import('./approvals/ApprovalsPage').then((m) => ({ default: m.ApprovalsPage })));
const OverdueBoardPage = lazy(() => import('./overdue/OverdueBoardPage').then((m) => ({ default: m.OverdueBoardPage })));
const FinesLedgerPage = lazy(() => import('./fines/FinesLedgerPage').then((m) => ({ default: m.FinesLedgerPage })));
const DashboardPage = lazy(() => import('./dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })));

const page = (element: ReactNode) => <Suspense fallback={<Loading />}>{element}</Suspense>;
const managers = (element: ReactNode) => page(<RequireRole roles={['admin', 'manager']}>{element}</RequireRole>);

/**
 * The staff area (`/staff/*`): home, fill a form, my and my stores' records, a record; for managers
 * the approvals inbox, the overdue board, the fines ledger and the dashboards. Free of admin imports;
 * its messages (staff.*.ts) come with it.
 */
export function StaffRoutes() {
  return (
    <AreaMessages area="staff" fallback={<Loading />}>
      <Routes>
        <Route index element={page(<StaffHome />)} />
        <Route path="forms/:formId/new" element={page(<FillFormPage />)} />
        <Route path="jobs" element={page(<MyJobsPage />)} />
        <Route path="records" element={page(<RecordsPage />)} />
        <Route path="records/:id" element={page(<RecordDetailPage />)} />
        <Route path="records/:id/print" element={page(<PrintRecordPage />)} />
        <Route path="approvals" element={page(<ApprovalsPage />)} />
        <Route path="overdue" element={managers(<OverdueBoardPage />)} />
        <Route path="fines" element={managers(<FinesLedgerPage />)} />
        <Route path="dashboard" element={managers(<DashboardPage />)} />
      </Routes>
    </AreaMessages>
  );
}
