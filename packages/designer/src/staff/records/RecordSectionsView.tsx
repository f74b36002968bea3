import { Collapse } from 'antd';
import { stepView, type FormDefinition } from '@aftersales/engine';
import { useI18n } from '../../i18n/I18nContext';
import { RecordDataView } from './RecordDataView';

/**
 * A record's data to read, laid out by its step: the sections of the record's status first, each
 * under its heading, the other sections collapsed. A form without sections: one list of its fields.
 */
export function RecordSectionsView({
  form,
  status,
  data,
  timeZone,
  links,
}: {
  form: FormDefinition;
  status: string | null;
  data: Record<string, unknown>;
  timeZone: string;
  /** Link field values (record ids) to the titles people read. */
  links?: Record<string, string>;
}) {
  const { t, text } = useI18n();
  const view = stepView(form, status);
  if (!view)
    return (
      <RecordDataView
        schema={form.schema}
        data={data}
        order={form.uiSchema?.['ui:order'] as string[] | undefined}
        timeZone={timeZone}
        links={links}
      />
    );
  const label = (s: { label: FormDefinition['title'] }) => text(s.label) || t('steps.otherFields');
  return (
    <div className="record-sections">
      {view.current.map((s) => (
        <section key={s.id} className="form-section" aria-labelledby={`view-section-${s.id}`}>
          <h3 id={`view-section-${s.id}`} className="form-section-heading">
            {label(s)}
          </h3>
          <RecordDataView schema={form.schema} data={data} only={s.fields} timeZone={timeZone} links={links} />
        </section>
      ))}
      {view.others.length > 0 && (
        <div className="form-section form-section-others">
          <h3 className="form-section-heading">{t('steps.otherSections')}</h3>
          <Collapse
            items={view.others.map((s) => ({
              key: s.id,
              label: label(s),
              children: <RecordDataView schema={form.schema} data={data} only={s.fields} timeZone={timeZone} links={links} />,
            }))}
          />
        </div>
      )}
    </div>
  );
}
