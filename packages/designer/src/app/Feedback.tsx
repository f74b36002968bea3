import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { message } from 'antd';
import type { ModalFuncProps } from 'antd';
import { useI18n } from '../i18n/I18nContext';

type MessageApi = ReturnType<typeof message.useMessage>[0];

export interface Feedback {
  /** Toasts ("saved", "refused: …") in the app's theme and language. */
  message: MessageApi;
  /** A confirmation dialog; its code is fetched the first time one opens (no screen loads it up front). */
  modal: { confirm(props: ModalFuncProps): void };
}

const FeedbackContext = createContext<Feedback | null>(null);

/**
 * Ant Design's toasts and confirmations for every screen, lighter than its `App`: that one brings the
 * dialog and notification code into the first load of every screen, the form screen included.
 * Dialogs opened through `modal.confirm` get the theme and language from `ConfigProvider.config`
 * (ThemeProvider sets it).
 */
export function FeedbackProvider({ children }: { children: ReactNode }) {
  const [messageApi, holder] = message.useMessage();
  const { t } = useI18n();
  const value = useMemo<Feedback>(
    () => ({
      message: messageApi,
      modal: {
        confirm: (props) =>
          void import('antd/es/modal')
            .then(({ default: Modal }) => Modal.confirm(props))
            .catch(() => messageApi.error(t('common.offline'))),
      },
    }),
    [messageApi, t],
  );
  return (
    <FeedbackContext.Provider value={value}>
      {holder}
      {children}
    </FeedbackContext.Provider>
  );
}

export function useFeedback(): Feedback {
  const value = useContext(FeedbackContext);
  if (!value) throw new Error('useFeedback outside FeedbackProvider');
  return value;
}
