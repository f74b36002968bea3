import { Navigate, Route, Routes } from 'react-router';
import { FormsListPage } from './forms/FormsListPage';
import { FormEditorPage } from './forms/FormEditorPage';
import { RuleSetsListPage } from './rules/RuleSetsListPage';
import { RuleSetEditorPage } from './rules/RuleSetEditorPage';

/** The designer (`/admin/*`): forms, their rule sets, test bench and versions. Loaded only for admins. */
export function AdminRoutes() {
  return (
    <Routes>
      <Route index element={<Navigate to="forms" replace />} />
      <Route path="forms" element={<FormsListPage />} />
      <Route path="forms/:formId" element={<FormEditorPage />} />
      <Route path="rules" element={<RuleSetsListPage />} />
      <Route path="rules/:ruleSetId" element={<RuleSetEditorPage />} />
    </Routes>
  );
}
