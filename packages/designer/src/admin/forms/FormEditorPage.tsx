import { useDeferredValue, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Badge, Button } from 'antd';
import type { FormDefinition } from '@aftersales/engine';
import { useI18n } from '../../i18n/I18nContext';
import { JsonView } from '../../shared/JsonView';
import { checkDefinitions } from '../shared/checkDefinitions';
import { DocumentEditorShell } from '../shared/DocumentEditorShell';
import { errorText } from '../shared/errorText';
import { useDocumentEditor } from '../shared/useDocumentEditor';
import { useReferenceData } from '../../shared/useReferenceData';
import { usePublishDocument } from '../shared/usePublishDocument';
import { formChanges } from '../versions/changesInWords';
import { FieldList } from './FieldList';
import { FieldPanel } from './FieldPanel';
import { ComputedFieldEditor } from './ComputedFieldEditor';
import { canCompute, fieldPointer } from './computedField';
import { formFormulaContext } from './formFormulaContext';
import { LinkFormPicker } from './LinkFormPicker';
import { linkTargets } from './linkTargets';
import { useFormDefinitions, useFormList } from '../rules/useForms';
import { FieldAccessEditor } from './FieldAccessEditor';
import { renameFieldAccess } from './fieldAccessModel';
import { renameInFormulas } from './renameInFormulas';
import { fieldsAt, move, newField, readFields, replaceFieldsAt, writeFields, type FieldModel } from './fieldModel';
import { FormPreview } from './FormPreview';
import { FormSettings } from './FormSettings';
import { StatusFlowEditor } from './StatusFlowEditor';
import { SectionsEditor } from './SectionsEditor';
import { useFeedback } from '../../app/Feedback';
import { Loading } from '../../app/Loading';

/** One form: fields (no JSON needed), live preview, JSON view, status flow, versions and publishing. */
export function FormEditorPage() {
  const { formId = '' } = useParams();
  const editor = useDocumentEditor('forms', formId);
  const { t, text, locale } = useI18n();
  const { message } = useFeedback();
  const reference = useReferenceData();
  const [path, setPath] = useState<string[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [tab, setTab] = useState('design');
  const { busy, versionsKey, save, publish: publishNow } = usePublishDocument('forms', formId, editor);

  const form = editor.value;
  const model = useMemo(() => (form ? readFields(form) : null), [form]);
  // The engine's checks follow typing without holding it up.
  const checked = useDeferredValue(form);
  const formList = useFormList();
  // The forms its link fields name: checked with it, as the server checks the pack.
  const linked = useFormDefinitions(checked ? linkTargets(checked) : []);
  const problems = useMemo(
    () =>
      checked
        ? checkDefinitions({
            form: checked,
            otherForms: [...linked.values()],
            calendars: reference?.calendars ?? [],
            roles: reference?.roles ?? null,
          }).form
        : [],
    [checked, linked, reference],
  );

  if (editor.loading && !form) return <Loading />;
  if (editor.error || !form || !model)
    return <Alert type="error" showIcon title={editor.error ? errorText(editor.error, t, locale) : t('common.notFound')} />;

  const level = fieldsAt(model.fields, path) ?? model.fields;
  const selectedField = level.find((f) => f.key === selected) ?? null;
  const parentField =
    path.length > 0 ? ((fieldsAt(model.fields, path.slice(0, -1)) ?? []).find((f) => f.key === path.at(-1)) ?? null) : null;
  const selectedPointer = selectedField ? fieldPointer(model.fields, path, selectedField.key) : '';
  const problemsAt = (pointer: string) => problems.filter((p) => p.pointer === pointer || p.pointer.startsWith(`${pointer}/`));
  const pathLabels = path.map((_, i) => {
    const f = (fieldsAt(model.fields, path.slice(0, i)) ?? []).find((x) => x.key === path[i]);
    return text(f?.label) || path[i]!;
  });

  const setLevel = (replace: (list: FieldModel[]) => FieldModel[], coalesce?: string, after = (f: FormDefinition) => f) =>
    editor.change(after(writeFields(form, { ...model, fields: replaceFieldsAt(model.fields, path, replace) })), coalesce);

  const publish = async () => {
    if (problems.length > 0) {
      void message.error(t('doc.fixProblemsFirst', { count: problems.length }));
      return;
    }
    await publishNow();
  };

  return (
    <DocumentEditorShell
      kind="forms"
      id={formId}
      editor={editor}
      title={text(form.title)}
      titleId="form-editor-title"
      back={{ to: '/admin/forms', label: t('forms.title') }}
      actions={<Link to={`/admin/rules?form=${formId}`}>{t('forms.editRules')}</Link>}
      busy={busy}
      onSave={() => void save()}
      onPublish={() => void publish()}
      tab={tab}
      onTabChange={setTab}
      versions={{
        refreshKey: versionsKey,
        describe: (before, after) =>
          formChanges(before, after, locale, {
            formLabel: (id) => {
              const linked = formList.find((f) => f.id === id);
              return linked ? text(linked.title) : t('fields.link.missingForm');
            },
          }),
      }}
      tabs={[
        {
          key: 'design',
          label: t('formEditor.design'),
          children: (
            <div className="designer-grid">
              <div>
                <FieldList
                  fields={level}
                  path={path}
                  pathLabels={pathLabels}
                  selected={selected}
                  onSelect={setSelected}
                  onOpen={(next) => {
                    setPath(next);
                    setSelected(null);
                  }}
                  onMove={(from, to) => setLevel((list) => move(list, from, to))}
                  onRemove={(key) => {
                    setLevel((list) => list.filter((f) => f.key !== key).map((f) => (f.showWhen?.field === key ? dropShowWhen(f) : f)));
                    if (selected === key) setSelected(null);
                  }}
                  onAdd={(type) => {
                    const field = newField(type, level, { 'zh-CN': t('fields.newLabelZh'), en: t('fields.newLabelZh') });
                    setLevel((list) => [...list, field]);
                    setSelected(field.key);
                  }}
                />
              </div>
              <div>
                {selectedField ? (
                  <>
                    <FieldPanel
                      field={selectedField}
                      siblings={level}
                      nested={path.length > 0}
                      onChange={(next, coalesce) => {
                        setLevel(
                          (list) =>
                            list.map((f) =>
                              f.key === selectedField.key
                                ? next
                                : next.key !== selectedField.key && f.showWhen?.field === selectedField.key
                                  ? { ...f, showWhen: { ...f.showWhen, field: next.key } }
                                  : f,
                            ),
                          coalesce,
                          // A renamed field keeps who may change it, and the formulas that read it follow it.
                          (f) =>
                            next.key === selectedField.key
                              ? f
                              : renameInFormulas(
                                  renameFieldAccess(f, [...path, selectedField.key].join('.'), [...path, next.key].join('.')),
                                  path,
                                  selectedField.key,
                                  next.key,
                                ),
                        );
                        if (next.key !== selectedField.key) setSelected(next.key);
                      }}
                    >
                      {(idBase) => {
                        const change = (next: FieldModel) => setLevel((list) => list.map((f) => (f.key === selectedField.key ? next : f)));
                        if (selectedField.type === 'link')
                          return (
                            <LinkFormPicker
                              field={selectedField}
                              forms={formList}
                              idBase={idBase}
                              invalid={problemsAt(`${selectedPointer}/x-linkForm`).length > 0}
                              onChange={change}
                            />
                          );
                        if (!canCompute(selectedField, parentField)) return null;
                        return (
                          <ComputedFieldEditor
                            field={selectedField}
                            siblings={level}
                            parent={parentField}
                            idBase={idBase}
                            context={formFormulaContext({
                              form,
                              fields: model.fields,
                              path,
                              key: selectedField.key,
                              locale,
                              missing: t('formula.missingFieldName'),
                            })}
                            problems={problemsAt(`${selectedPointer}/x-formula`)}
                            onChange={change}
                          />
                        );
                      }}
                    </FieldPanel>
                    <FieldAccessEditor
                      form={form}
                      field={[...path, selectedField.key].join('.')}
                      roles={reference?.roles ?? null}
                      onChange={editor.change}
                    />
                  </>
                ) : (
                  <FormSettings form={form} roles={reference?.roles ?? null} onChange={editor.change} />
                )}
              </div>
              <FormPreview form={form} />
            </div>
          ),
        },
        {
          key: 'json',
          label: (
            <Badge count={problems.length} size="small" offset={[8, 0]}>
              {t('formEditor.json')}
            </Badge>
          ),
          children: (
            <JsonView
              label={t('formEditor.jsonLabel')}
              value={form}
              problems={problems}
              onChange={(next) => editor.change(next as FormDefinition)}
            />
          ),
        },
        {
          key: 'flow',
          label: t('formEditor.statusFlow'),
          children: (
            <StatusFlowEditor
              flow={form.statusFlow}
              timeFields={Object.entries(form.schema.properties ?? {})
                .filter(([, node]) => node.format === 'date-time')
                .map(([name, node]) => ({ value: name, label: text(node['x-title']) || name }))}
              onChange={(statusFlow) => {
                const next = { ...form };
                if (statusFlow) next.statusFlow = statusFlow;
                else delete next.statusFlow;
                editor.change(next, 'statusFlow');
              }}
            />
          ),
        },
        {
          key: 'sections',
          label: t('sections.tab'),
          children: <SectionsEditor form={form} onChange={editor.change} />,
        },
      ]}
    >
      {problems.length > 0 && tab !== 'json' && (
        <Alert
          role="alert"
          type="warning"
          showIcon
          title={t('doc.problems', { count: problems.length })}
          action={
            <Button size="small" onClick={() => setTab('json')}>
              {t('doc.showProblems')}
            </Button>
          }
        />
      )}
    </DocumentEditorShell>
  );
}

function dropShowWhen(field: FieldModel): FieldModel {
  const next = { ...field };
  delete next.showWhen;
  return next;
}
