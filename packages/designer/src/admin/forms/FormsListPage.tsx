import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Collapse, Form, Input, Modal } from 'antd';
import type { FormDefinition, LocalizedText } from '@aftersales/engine';
import type { DocumentSummary } from '../../api/types';
import { useApi } from '../../app/ApiContext';
import { useI18n } from '../../i18n/I18nContext';
import { DocumentListPage } from '../shared/DocumentListPage';
import { KEBAB_ID, kebab } from '../shared/kebab';
import { codeFromLabel } from '../shared/codeFromLabel';
import { newFormDefinition } from './newFormDefinition';
import { errorText } from '../shared/errorText';
import { DocumentActions } from '../shared/DocumentActions';
import { useArchiveActions } from '../shared/useArchiveActions';
import { useFeedback } from '../../app/Feedback';

interface NewFormValues {
  zh: string;
  en?: string;
  id: string;
}

/** Every form with its published version and draft state; create, duplicate, archive and restore. */
export function FormsListPage() {
  const api = useApi();
  const { t, text, locale } = useI18n();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const [items, setItems] = useState<DocumentSummary[] | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const [dialog, setDialog] = useState<{ copyOf?: DocumentSummary } | null>(null);
  const [form] = Form.useForm<NewFormValues>();

  const load = useCallback(async () => {
    try {
      setItems(await api.forms.list(showArchived ? { archived: true } : {}));
    } catch (e) {
      setItems([]);
      void message.error(errorText(e, t, locale));
    }
  }, [api, showArchived, message, t, locale]);

  useEffect(() => {
    void load();
  }, [load]);

  /** The code is made from the name (the English one, else the Chinese one's pinyin) until the admin edits it under 高级. */
  const idEdited = useRef(false);
  const makeId = (values: Partial<NewFormValues>) => {
    if (idEdited.current) return;
    const en = values.en?.trim();
    const taken = (items ?? []).map((i) => i.id);
    form.setFieldValue('id', en ? kebab(en) : codeFromLabel(values.zh ?? '', 'kebab', taken, 'form'));
  };

  const create = async (values: NewFormValues) => {
    idEdited.current = false;
    // The English name is optional: without it the Chinese one stands for both (marked untranslated in the designer).
    const title: LocalizedText = { 'zh-CN': values.zh, en: values.en?.trim() || values.zh };
    let definition: FormDefinition = newFormDefinition(values.id, title);
    try {
      const copy = dialog?.copyOf ? await api.forms.definitionToCopy(dialog.copyOf.id) : null;
      if (copy) definition = { ...copy, id: values.id, title };
      await api.forms.create(definition);
      setDialog(null);
      form.resetFields();
      void navigate(`/admin/forms/${values.id}`);
    } catch (e) {
      void message.error(errorText(e, t, locale));
    }
  };

  const archiving = useArchiveActions(api.forms, 'forms.archiveExplain', load);

  return (
    <DocumentListPage
      title={t('forms.title')}
      titleId="forms-title"
      items={items}
      showArchived={showArchived}
      onShowArchived={setShowArchived}
      newLabel={t('forms.new')}
      onNew={() => setDialog({})}
      nameTitle={t('forms.name')}
      idLabel={t('forms.id')}
      href={(item) => `/admin/forms/${item.id}`}
      actions={(item) => (
        <DocumentActions item={item} onDuplicate={() => setDialog({ copyOf: item })} archiving={archiving}>
          <Link to={`/admin/forms/${item.id}`}>{t('common.edit')}</Link>
          <Link to={`/admin/rules?form=${item.id}`}>{t('nav.rules')}</Link>
        </DocumentActions>
      )}
    >
      <Modal
        open={dialog !== null}
        title={dialog?.copyOf ? t('forms.duplicateTitle', { title: text(dialog.copyOf.title) }) : t('forms.new')}
        okText={t('common.create')}
        onOk={() => form.submit()}
        onCancel={() => setDialog(null)}
        afterClose={() => (idEdited.current = false)}
        destroyOnHidden
      >
        <Form<NewFormValues>
          form={form}
          layout="vertical"
          onFinish={(v) => void create(v)}
          preserve={false}
          onValuesChange={(changed: Partial<NewFormValues>, all: NewFormValues) => {
            if ('id' in changed) idEdited.current = true;
            else makeId(all);
          }}
        >
          <Form.Item name="zh" label={t('forms.titleZh')} rules={[{ required: true, message: t('common.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="en" label={t('forms.titleEn')}>
            <Input placeholder={t('words.untranslated')} />
          </Form.Item>
          <Collapse
            size="small"
            ghost
            items={[
              {
                key: 'advanced',
                label: t('words.advanced'),
                forceRender: true,
                children: (
                  <Form.Item
                    name="id"
                    label={t('forms.id')}
                    extra={t('forms.idHelp')}
                    rules={[
                      { required: true, message: t('common.required') },
                      { pattern: KEBAB_ID, message: t('forms.idPattern') },
                    ]}
                  >
                    <Input />
                  </Form.Item>
                ),
              },
            ]}
          />
        </Form>
      </Modal>
    </DocumentListPage>
  );
}
