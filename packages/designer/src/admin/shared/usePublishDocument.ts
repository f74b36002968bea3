import { useState } from 'react';
import type { DefinitionOf, DocumentKind } from '../../api/types';
import { useApi } from '../../app/ApiContext';
import { useFeedback } from '../../app/Feedback';
import { useI18n } from '../../i18n/I18nContext';
import { errorText } from './errorText';
import type { DocumentEditor } from './useDocumentEditor';

/** Saving the draft and publishing a form or rule set, with the messages people see and the versions list refreshed after a publish. */
export function usePublishDocument<K extends DocumentKind>(kind: K, id: string, editor: DocumentEditor<DefinitionOf<K>>) {
  const api = useApi();
  const { t, locale } = useI18n();
  const { message } = useFeedback();
  const [busy, setBusy] = useState(false);
  const [versionsKey, setVersionsKey] = useState(0);

  const save = async () => {
    setBusy(true);
    try {
      await editor.save();
      void message.success(t('doc.saved'));
    } catch (e) {
      void message.error(errorText(e, t, locale));
    } finally {
      setBusy(false);
    }
  };

  const publish = async () => {
    setBusy(true);
    try {
      if (editor.dirty || !editor.detail?.draft) await editor.save();
      const result = await api[kind].publish(id);
      // The page shows the published version before it says so (an edit made before the reload lands would be lost).
      await editor.reload();
      setVersionsKey((k) => k + 1);
      void message.success(t('doc.published', { version: result.version }));
    } catch (e) {
      void message.error(errorText(e, t, locale));
    } finally {
      setBusy(false);
    }
  };

  return { busy, versionsKey, save, publish };
}
