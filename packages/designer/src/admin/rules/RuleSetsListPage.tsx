import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Form, Input, Modal, Select } from 'antd';
import type { RuleSetFile } from '@aftersales/engine';
import type { DocumentSummary } from '../../api/types';
import { useApi } from '../../app/ApiContext';
import { useI18n } from '../../i18n/I18nContext';
import { DocumentListPage } from '../shared/DocumentListPage';
import { errorText } from '../shared/errorText';
import { DocumentActions } from '../shared/DocumentActions';
import { useArchiveActions } from '../shared/useArchiveActions';
import { useFeedback } from '../../app/Feedback';

interface NewRuleSet {
  form: string;
  zh: string;
  en: string;
  id: string;
}

/** Rule sets, per form: published version and draft state; create one for a form, duplicate, archive and restore. */
export function RuleSetsListPage() {
  const api = useApi();
  const { t, text, locale } = useI18n();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const formFilter = params.get('form') ?? undefined;
  const [items, setItems] = useState<DocumentSummary[] | null>(null);
  const [forms, setForms] = useState<DocumentSummary[]>([]);
  const [showArchived, setShowArchived] = useState(false);
  /** The create dialog: a new rule set, or a copy of one. */
  const [dialog, setDialog] = useState<{ copyOf?: DocumentSummary } | null>(null);
  const [form] = Form.useForm<NewRuleSet>();

  const load = useCallback(async () => {
    try {
      const [ruleSets, formList] = await Promise.all([
        api.ruleSets.list({ ...(formFilter ? { form: formFilter } : {}), ...(showArchived ? { archived: true } : {}) }),
        api.forms.list(),
      ]);
      setItems(formFilter ? ruleSets.filter((r) => !r.form || r.form === formFilter) : ruleSets);
      setForms(formList);
    } catch (e) {
      setItems([]);
      void message.error(errorText(e, t, locale));
    }
  }, [api, formFilter, showArchived, message, t, locale]);

  useEffect(() => {
    void load();
  }, [load]);

  const create = async (values: NewRuleSet) => {
    const title = { 'zh-CN': values.zh, en: values.en };
    let definition: RuleSetFile = { $schema: '../meta/ruleset.schema.json', id: values.id, form: values.form, title, rules: [] };
    try {
      const copy = dialog?.copyOf ? await api.ruleSets.definitionToCopy(dialog.copyOf.id) : null;
      if (copy) definition = { ...copy, id: values.id, form: values.form, title };
      await api.ruleSets.create(definition);
      setDialog(null);
      void navigate(`/admin/rules/${values.id}`);
    } catch (e) {
      void message.error(errorText(e, t, locale));
    }
  };

  const duplicate = (item: DocumentSummary) => {
    form.setFieldsValue({ form: item.form ?? formFilter ?? '', zh: '', en: '', id: `${item.id}-copy` });
    setDialog({ copyOf: item });
  };

  const archiving = useArchiveActions(api.ruleSets, 'rules.archiveExplain', load);

  const formTitle = (id?: string) => {
    const f = forms.find((x) => x.id === id);
    return f ? text(f.title) : (id ?? '');
  };

  return (
    <DocumentListPage
      title={t('rules.title')}
      titleId="rules-title"
      items={items}
      showArchived={showArchived}
      onShowArchived={setShowArchived}
      filters={
        <Select
          aria-label={t('rules.filterByForm')}
          placeholder={t('rules.allForms')}
          allowClear
          style={{ width: 220 }}
          value={formFilter}
          onChange={(v?: string) => setParams(v ? { form: v } : {}, { preventScrollReset: true })}
          options={forms.map((f) => ({ value: f.id, label: text(f.title) }))}
        />
      }
      newLabel={t('rules.newRuleSet')}
      onNew={() => {
        form.setFieldsValue({ form: formFilter ?? forms[0]?.id ?? '', zh: '', en: '', id: formFilter ? `${formFilter}.policy` : '' });
        setDialog({});
      }}
      nameTitle={t('rules.ruleSet')}
      idLabel={t('rules.ruleSetId')}
      href={(item) => `/admin/rules/${item.id}`}
      columns={[{ title: t('rules.form'), render: (_, item) => formTitle(item.form) }]}
      actions={(item) => <DocumentActions item={item} onDuplicate={() => duplicate(item)} archiving={archiving} />}
    >
      <Modal
        open={dialog !== null}
        title={dialog?.copyOf ? t('forms.duplicateTitle', { title: text(dialog.copyOf.title) }) : t('rules.newRuleSet')}
        okText={t('common.create')}
        onOk={() => form.submit()}
        onCancel={() => setDialog(null)}
        destroyOnHidden
      >
        <Form<NewRuleSet> form={form} layout="vertical" onFinish={(v) => void create(v)}>
          <Form.Item name="form" label={t('rules.form')} rules={[{ required: true, message: t('common.required') }]}>
            <Select
              options={forms.map((f) => ({ value: f.id, label: text(f.title) }))}
              onChange={(v: string) => form.setFieldValue('id', `${v}.policy`)}
            />
          </Form.Item>
          <Form.Item name="zh" label={t('forms.titleZh')} rules={[{ required: true, message: t('common.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="en" label={t('forms.titleEn')} rules={[{ required: true, message: t('common.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="id"
            label={t('rules.ruleSetId')}
            rules={[
              { required: true, message: t('common.required') },
              { pattern: /^[a-z][a-z0-9]*(-[a-z0-9]+)*(\.[a-z][a-z0-9]*(-[a-z0-9]+)*)*$/, message: t('forms.idPattern') },
            ]}
          >
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </DocumentListPage>
  );
}
