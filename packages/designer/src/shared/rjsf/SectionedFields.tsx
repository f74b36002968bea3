import { useState, type ReactNode } from 'react';
import { Col, Collapse, Row } from 'antd';
import type { ErrorSchema, ObjectFieldTemplatePropertyType } from '@rjsf/utils';
import { getUiOptions } from '@rjsf/utils';
import { useI18n } from '../../i18n/I18nContext';

/** A section as the form renders it: its heading (the page's words for the unnamed rest) and field names. */
interface SectionLayout {
  id: string;
  label: string;
  fields: string[];
}

/** The step's layout of a form: its own sections open, the others collapsed (formContext `steps`). */
export interface StepLayout {
  current: SectionLayout[];
  others: SectionLayout[];
  /** Collapsed sections open when the form opens (they held values then: a resumed draft). */
  opened?: string[];
}

/** Whether an error schema holds an error anywhere below it. */
function hasErrors(node: unknown): boolean {
  if (!node || typeof node !== 'object') return false;
  const own = (node as { __errors?: unknown[] }).__errors;
  if (Array.isArray(own) && own.length > 0) return true;
  return Object.entries(node).some(([key, child]) => key !== '__errors' && hasErrors(child));
}

/** Whole-row fields (lists, groups, long texts); the others take half a row from tablet width up. */
function wide(element: ObjectFieldTemplatePropertyType): boolean {
  const props = (element.content as { props?: { schema?: { type?: unknown }; uiSchema?: unknown } }).props;
  const type = props?.schema?.type;
  return type === 'object' || type === 'array' || getUiOptions(props?.uiSchema as never).widget === 'textarea';
}

function Fields({ elements }: { elements: ObjectFieldTemplatePropertyType[] }) {
  return (
    <Row gutter={16}>
      {elements.map((element) => (
        <Col key={element.name} xs={24} md={wide(element) ? 24 : 12}>
          {element.content}
        </Col>
      ))}
    </Row>
  );
}

/**
 * The root of a record form laid out by its step: each of the step's sections under its heading,
 * then the other sections collapsed (a collapsed section opens by itself when it holds an error, so
 * the error can be shown and focused; one listed in `opened` starts open). Fields hidden by `ui:showWhen` stay out.
 */
export function SectionedFields({
  layout,
  properties,
  errorSchema,
}: {
  layout: StepLayout;
  properties: ObjectFieldTemplatePropertyType[];
  errorSchema: ErrorSchema | undefined;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<string[]>(() => layout.opened ?? []);
  const byName = new Map(properties.filter((p) => !p.hidden).map((p) => [p.name, p]));
  const elementsOf = (fields: string[]) => fields.map((f) => byName.get(f)).filter((e): e is ObjectFieldTemplatePropertyType => !!e);
  const errors = (errorSchema ?? {}) as Record<string, unknown>;
  const withErrors = layout.others.filter((s) => s.fields.some((f) => hasErrors(errors[f]))).map((s) => s.id);
  const section = (s: SectionLayout, children: ReactNode) => (
    <section key={s.id} className="form-section" aria-labelledby={`section-${s.id}`}>
      <h3 id={`section-${s.id}`} className="form-section-heading">
        {s.label || t('steps.otherFields')}
      </h3>
      {children}
    </section>
  );
  const others = layout.others.filter((s) => elementsOf(s.fields).length > 0);
  return (
    <div className="sectioned-fields">
      {layout.current.map((s) => section(s, <Fields elements={elementsOf(s.fields)} />))}
      {others.length > 0 && (
        <div className="form-section form-section-others">
          <h3 className="form-section-heading">{t('steps.otherSections')}</h3>
          <Collapse
            activeKey={[...new Set([...open, ...withErrors])]}
            onChange={(keys) => setOpen(Array.isArray(keys) ? keys : [keys])}
            items={others.map((s) => ({
              key: s.id,
              label: s.label || t('steps.otherFields'),
              children: <Fields elements={elementsOf(s.fields)} />,
            }))}
          />
        </div>
      )}
    </div>
  );
}
