import { Spin } from 'antd';
import { useI18n } from '../i18n/I18nContext';

/** The spinner of a screen or list that is loading: a status named "loading" for screen readers. */
export function Loading() {
  const { t } = useI18n();
  return (
    <div role="status" aria-label={t('common.loading')}>
      <Spin />
    </div>
  );
}
