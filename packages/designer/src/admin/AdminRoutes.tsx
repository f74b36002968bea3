import { Navigate, Route, Routes } from 'react-router';
import { Loading } from '../app/Loading';
import { AreaMessages } from '../i18n/I18nContext';
import { FormsListPage } from './forms/FormsListPage';
import { FormEditorPage } from './forms/FormEditorPage';
import { RuleSetsListPage } from './rules/RuleSetsListPage';
import { RuleSetEditorPage } from './rules/RuleSetEditorPage';
import { ApiKeysPage } from './users/ApiKeysPage';
import { CalendarPage } from './calendars/CalendarPage';
import { UsersPage } from './users/UsersPage';
import { ChannelsPage } from './channels/ChannelsPage';

/** The designer (`/admin/*`): forms, their rule sets, test bench and versions; users and API keys. Loaded only for admins, with its messages. */
export function AdminRoutes() {
  return (
    <AreaMessages area="admin" fallback={<Loading />}>
      <Routes>
        <Route index element={<Navigate to="forms" replace />} />
        <Route path="forms" element={<FormsListPage />} />
        <Route path="forms/:formId" element={<FormEditorPage />} />
        <Route path="rules" element={<RuleSetsListPage />} />
        <Route path="rules/:ruleSetId" element={<RuleSetEditorPage />} />
        <Route path="calendars" element={<CalendarPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="api-keys" element={<ApiKeysPage />} />
        <Route path="channels" element={<ChannelsPage />} />
      </Routes>
    </AreaMessages>
  );
}
