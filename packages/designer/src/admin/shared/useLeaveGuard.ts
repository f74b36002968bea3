import { useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';
import { useFeedback } from '../../app/Feedback';
import { useI18n } from '../../i18n/I18nContext';

/**
 * While `dirty`, leaving the page inside the app (a link, the menu, the browser's back button) asks
 * first: leave without saving, or stay. Closing the tab is asked by the browser (`beforeunload`).
 */
export function useLeaveGuard(dirty: boolean): void {
  const { t } = useI18n();
  const { modal } = useFeedback();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  const held = useRef(blocker);
  held.current = blocker;
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: t('doc.leaveTitle'),
      content: t('doc.leaveExplain'),
      okText: t('doc.leave'),
      okButtonProps: { danger: true },
      cancelText: t('doc.stay'),
      onOk: () => held.current.proceed?.(),
      onCancel: () => held.current.reset?.(),
    });
  }, [blocker.state, modal, t]);
}
