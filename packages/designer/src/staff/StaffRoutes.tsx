import { Route, Routes } from 'react-router';
import { FillFormPage } from './FillFormPage';
import { StaffHome } from './StaffHome';

/**
 * The staff area (`/staff/*`): fill a form, my records, approvals, overdue list, fines ledger.
 * Screens are added here; the shared RJSF setup is `shared/rjsf/RecordForm`. This chunk must stay
 * free of admin imports (bench/bundle-size.ts measures it).
 */
export function StaffRoutes() {
  return (
    <Routes>
      <Route index element={<StaffHome />} />
      <Route path="forms/:formId/new" element={<FillFormPage />} />
    </Routes>
  );
}
