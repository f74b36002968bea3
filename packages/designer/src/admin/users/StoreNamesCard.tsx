import { useState } from 'react';
import { Alert, Button, Card, Empty, Input, Space, Typography } from 'antd';
import { useApi } from '../../app/ApiContext';
import { useFeedback } from '../../app/Feedback';
import { useI18n } from '../../i18n/I18nContext';
import { useStoreNames } from '../../shared/useStoreNames';
import { errorText } from '../shared/errorText';

/**
 * The names people read for the stores (records, users and channels keep a store's id): staff
 * screens, prints and exports show the name. Each store is named on its own line.
 */
export function StoreNamesCard({ onSaved }: { onSaved?: () => void }) {
  const { t } = useI18n();
  const names = useStoreNames();
  const unnamed = (names.stores ?? []).filter((id) => !names.isNamed(id));
  const saved = () => {
    names.reload();
    onSaved?.();
  };
  return (
    <Card size="small" title={t('stores.title')} style={{ marginTop: 24 }}>
      <Typography.Paragraph type="secondary">{t('stores.explain')}</Typography.Paragraph>
      {unnamed.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="store-names-unnamed"
          title={t('stores.unnamed', { count: unnamed.length })}
          style={{ marginBottom: 12 }}
        />
      )}
      {names.stores !== null && names.stores.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('stores.none')} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {(names.stores ?? []).map((id) => (
          <StoreNameRow key={`${id}:${names.nameOf(id)}`} id={id} name={names.nameOf(id) === id ? '' : names.nameOf(id)} onSaved={saved} />
        ))}
      </Space>
    </Card>
  );
}

function StoreNameRow({ id, name, onSaved }: { id: string; name: string; onSaved: () => void }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const { message } = useFeedback();
  const [draft, setDraft] = useState(name);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      await api.fieldwork.nameStore(id, draft.trim());
      void message.success(t('stores.saved', { name: draft.trim() }));
      onSaved();
    } catch (e) {
      void message.error(errorText(e, t, locale));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space wrap>
      {/* The admin typed this id when giving people their stores; here it gets the name everyone else reads. */}
      <Typography.Text code style={{ minWidth: 120, display: 'inline-block' }}>
        {id}
      </Typography.Text>
      <Input
        aria-label={t('stores.nameOf', { id })}
        placeholder={t('stores.placeholder')}
        maxLength={60}
        value={draft}
        style={{ width: 240 }}
        onChange={(e) => setDraft(e.target.value)}
        onPressEnter={() => void save()}
      />
      <Button onClick={() => void save()} loading={busy} disabled={draft.trim() === '' || draft.trim() === name}>
        {t('common.save')}
      </Button>
    </Space>
  );
}
