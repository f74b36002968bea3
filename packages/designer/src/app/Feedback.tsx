import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { ModalFuncProps } from 'antd';
import { useI18n } from '../i18n/I18nContext';

/** Toasts ("saved", "refused: …"): the text, and how long it stays (seconds). */
export interface MessageApi {
  success(content: ReactNode, duration?: number): void;
  error(content: ReactNode, duration?: number): void;
}

export interface Feedback {
  /** Toasts in the app's theme and language; their code is fetched the first time one shows. */
  message: MessageApi;
  /** A confirmation dialog; its code is fetched the first time one opens (no screen loads it up front). */
  modal: { confirm(props: ModalFuncProps): void };
}

const FeedbackContext = createContext<Feedback | null>(null);

const loadMessage = () => import('antd/es/message').then((m) => m.default);

/** Shown where a toast's own code could not be fetched (offline): the browser's alert. */
const fallback = (content: ReactNode) => {
  if (typeof content === 'string') window.alert(content);
};

const messageApi: MessageApi = {
  success: (content, duration) =>
    void loadMessage().then(
      (m) => m.success(content, duration),
      () => undefined,
    ),
  error: (content, duration) =>
    void loadMessage().then(
      (m) => m.error(content, duration),
      () => fallback(content),
    ),
};

/**
 * Ant Design's toasts and confirmations for every screen, lighter than its `App`: that one brings the
 * dialog and notification code into the first load of every screen, the form screen included.
 * Both are fetched the first time one opens (toasts are a small chunk, often fetched while the
 * request they report on runs); they get the theme and language from `ConfigProvider.config`
 * (ThemeProvider sets it).
 */
export function FeedbackProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const value = useMemo<Feedback>(
    () => ({
      message: messageApi,
      modal: {
        confirm: (props) =>
          void import('antd/es/modal').then(
            ({ default: Modal }) => Modal.confirm(props),
            () => messageApi.error(t('common.offline')),
          ),
      },
    }),
    [t],
  );
  return <FeedbackContext.Provider value={value}>{children}</FeedbackContext.Provider>;
}

export function useFeedback(): Feedback {
  const value = useContext(FeedbackContext);
  if (!value) throw new Error('useFeedback outside FeedbackProvider');
  return value;
}
