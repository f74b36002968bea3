import type { DocumentSummary } from '../../api/types';
import { useI18n } from '../../i18n/I18nContext';
import type { MessageKey } from '../../i18n/en';
import { errorText } from './errorText';
import { useFeedback } from '../../app/Feedback';

/**
 * Archive (after a confirmation saying what it means) and restore a form or rule set from its list;
 * `reload` refreshes the list afterwards.
 */
export function useArchiveActions(
  documents: { archive(id: string, archived?: boolean): Promise<void> },
  explain: MessageKey,
  reload: () => Promise<void>,
) {
  const { t, text, locale } = useI18n();
  const { message, modal } = useFeedback();
  const archive = (item: DocumentSummary) =>
    modal.confirm({
      title: t('forms.archiveConfirm', { title: text(item.title) }),
      content: t(explain),
      okText: t('forms.archive'),
      onOk: async () => {
        await documents.archive(item.id);
        void message.success(t('forms.archivedDone', { title: text(item.title) }));
        await reload();
      },
    });
  const unarchive = async (item: DocumentSummary) => {
    try {
      await documents.archive(item.id, false);
      void message.success(t('forms.unarchived', { title: text(item.title) }));
      await reload();
    } catch (e) {
      void message.error(errorText(e, t, locale));
    }
  };
  return { archive, unarchive };
}
