import { Collapse } from 'antd';
import { stepView, type FormDefinition, type RecordSchema } from '@aftersales/engine';
import { useI18n } from '../../i18n/I18nContext';
import { RecordDataView } from './RecordDataView';

/** Field kinds a person acts on from the record page (a tap dials, a tap opens the map). */
const CONTACT_KINDS = new Set(['phone', 'address']);

interface ContactSchema {
  'x-kind'?: string;
  properties?: Record<string, ContactSchema>;
}

/** A filled phone number or address, or a group (the customer) holding one. */
function holdsContact(schema: unknown, value: unknown): boolean {
  const field = (schema ?? {}) as ContactSchema;
  if (CONTACT_KINDS.has(field['x-kind'] ?? '')) return typeof value === 'string' && value !== '';
  if (!field.properties || typeof value !== 'object' || value === null) return false;
  const values = value as Record<string, unknown>;
  return Object.entries(field.properties).some(([name, sub]) => holdsContact(sub, values[name]));
}

/**
 * A record's data to read, laid out by its step: the sections of the record's status first, each
 * under its heading, the other sections collapsed. Phone numbers and addresses of collapsed sections
 * also show on top, so the technician on site calls the customer or opens the map in one tap.
 * A form without sections: one list of its fields.
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
  const contact = view.others.flatMap((s) => s.fields).filter((name) => holdsContact(form.schema.properties?.[name], data[name]));
  return (
    <div className="record-sections">
      {contact.length > 0 && (
        <section className="form-section record-contact" aria-labelledby="view-section-contact">
          <h3 id="view-section-contact" className="form-section-heading">
            {t('steps.contact')}
          </h3>
          {contact.map((name) => {
            // A group (the customer) is shown by its own fields, at the strip's full width.
            const field = form.schema.properties?.[name] as RecordSchema & ContactSchema;
            return field.properties ? (
              <RecordDataView key={name} schema={field} data={data[name] as Record<string, unknown>} timeZone={timeZone} />
            ) : (
              <RecordDataView key={name} schema={form.schema} data={data} only={[name]} timeZone={timeZone} />
            );
          })}
        </section>
      )}
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
