import { Result } from 'antd';
import { useRouteError } from 'react-router';
import { useI18n } from '../i18n/I18nContext';

export function RouteError() {
  const error = useRouteError();
  const { t } = useI18n();
  return <Result status="error" title={t('common.pageError')} subTitle={error instanceof Error ? error.message : String(error)} />;
}
