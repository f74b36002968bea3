import { Button, Space, Typography } from 'antd';
import { useI18n } from '../i18n/I18nContext';
import { formatCount } from './format';

/** Under a paged list: how many of how many are shown, and a button for the next page while there is one. */
export function LoadMore(props: {
  shown: number;
  total: number;
  /** The server counted up to `total` and stopped: there are more than that. */
  atLeast?: boolean;
  more: boolean;
  loading: boolean;
  onMore: () => void;
}) {
  const { t, locale } = useI18n();
  if (!props.total) return null;
  const total = formatCount(props.total, false, locale);
  return (
    <Space wrap style={{ marginTop: 12 }} aria-live="polite">
      <Typography.Text type="secondary">
        {props.atLeast ? t('list.shownAtLeast', { shown: props.shown, total }) : t('list.shown', { shown: props.shown, total })}
      </Typography.Text>
      {props.more && (
        <Button onClick={props.onMore} loading={props.loading}>
          {t('list.more')}
        </Button>
      )}
    </Space>
  );
}
