import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { App, Button, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import type { RuleSetFile } from '@aftersales/engine';
import type { DocumentSummary } from '../../api/types';
import { useApi } from '../../app/ApiContext';
import { useI18n } from '../../i18n/I18nContext';
import { DocumentStateTag } from '../shared/DocumentStateTag';
import { errorText } from '../shared/errorText';

interface NewRuleSet {
  form: string;
  zh: string;
  en: string;
  id: string;
}

/** Rule sets, per form: published version and draft state; create one for a form. */
export function RuleSetsListPage() {
  const api = useApi();
  const { t, text } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const formFilter = params.get('form') ?? undefined;
  const [items, setItems] = useState<DocumentSummary[] | null>(null);
  const [forms, setForms] = useState<DocumentSummary[]>([]);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<NewRuleSet>();

  const load = useCallback(async () => {
    try {
      const [ruleSets, formList] = await Promise.all([api.ruleSets.list(formFilter ? { form: formFilter } : {}), api.forms.list()]);
      setItems(formFilter ? ruleSets.filter((r) => !r.form || r.form === formFilter) : ruleSets);
      setForms(formList);
    } catch (e) {
      setItems([]);
      void message.error(errorText(e, t));
    }
  }, [api, formFilter, message, t]);

  useEffect(() => {
    void load();
  }, [load]);

  const create = async (values: NewRuleSet) => {
    const definition: RuleSetFile = {
      $schema: '../meta/ruleset.schema.json',
      id: values.id,
      form: values.form,
      title: { 'zh-CN': values.zh, en: values.en },
      rules: [],
    };
    try {
      await api.ruleSets.create(definition);
      setOpen(false);
      void navigate(`/admin/rules/${values.id}`);
    } catch (e) {
      void message.error(errorText(e, t));
    }
  };

  const formTitle = (id?: string) => {
    const f = forms.find((x) => x.id === id);
    return f ? text(f.title) : (id ?? '');
  };

  return (
    <section aria-labelledby="rules-title">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title id="rules-title" level={2} style={{ margin: 0 }}>
          {t('rules.title')}
        </Typography.Title>
        <Space wrap>
          <Select
            aria-label={t('rules.filterByForm')}
            placeholder={t('rules.allForms')}
            allowClear
            style={{ width: 220 }}
            value={formFilter}
            onChange={(v?: string) => setParams(v ? { form: v } : {})}
            options={forms.map((f) => ({ value: f.id, label: text(f.title) }))}
          />
          <Button
            type="primary"
            onClick={() => {
              form.setFieldsValue({ form: formFilter ?? forms[0]?.id ?? '', zh: '', en: '', id: formFilter ? `${formFilter}.policy` : '' });
              setOpen(true);
            }}
          >
            {t('rules.newRuleSet')}
          </Button>
        </Space>
      </Space>
      <Table<DocumentSummary>
        rowKey="id"
        loading={items === null}
        dataSource={items ?? []}
        pagination={false}
        columns={[
          {
            title: t('rules.ruleSet'),
            render: (_, item) => (
              <Space direction="vertical" size={0}>
                <Link to={`/admin/rules/${item.id}`}>{text(item.title)}</Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {item.id}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('rules.form'), render: (_, item) => formTitle(item.form) },
          { title: t('forms.state'), render: (_, item) => <DocumentStateTag summary={item} /> },
        ]}
      />
      <Modal
        open={open}
        title={t('rules.newRuleSet')}
        okText={t('common.create')}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
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
    </section>
  );
}
