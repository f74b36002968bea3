import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import type { IChangeEvent } from '@rjsf/core';
import type { ErrorSchema, FormValidation, RJSFSchema, RJSFValidationError, UiSchema, ValidatorType } from '@rjsf/utils';
import { checkDates, computeFields, localizeForm, pickText, stepView, type FormDefinition } from '@aftersales/engine';
import { useI18n } from '../../i18n/I18nContext';
import type { RecordFormContext } from './PhotoWidget';
import { ThemedForm } from './ThemedForm';
import { translateErrors } from './translateErrors';
import { translateString } from './translateString';
import { withKindWidgets } from './kindWidgets';
import { focusFirstError } from './focusFirstError';
import { STORE_ZONE } from '../format';
import type { StepLayout } from './SectionedFields';
import { isEmptyData } from './isEmptyData';

export interface RecordFormProps {
  form: FormDefinition;
  /**
   * The validator for the schema rendered (the form localised): the published version's validate
   * functions in the staff area, the engine's ajv for drafts in the designer. Keep it stable.
   */
  validatorFor: (schema: RJSFSchema) => ValidatorType;
  formData: unknown;
  onChange?: (data: unknown, errors: RJSFValidationError[]) => void;
  onSubmit?: (data: unknown) => void;
  context?: RecordFormContext;
  readonly?: boolean;
  liveValidate?: boolean;
  extraErrors?: ErrorSchema;
  /** Replaces the submit button; `false` hides it. */
  children?: ReactNode;
  idPrefix?: string;
  /** The page shows the form's title itself (the schema keeps it: the validator is made for that schema). */
  hideTitle?: boolean;
  /**
   * The record's status: a form with sections shows that step's sections first and the others
   * collapsed (undefined: every section open, in order).
   */
  status?: string | null;
  /**
   * Collapsed sections that hold values when the form opens start open (a resumed draft: what was
   * typed in a later step's section stays in sight).
   */
  openFilled?: boolean;
  /** The zone of the form's calendar: a date "not in the future" is checked against today there. */
  timeZone?: string;
}

/**
 * A form definition rendered with react-jsonschema-form (Ant Design) in the user's language, exactly
 * as staff see it: labels and option names from `localizeForm`, the engine's ajv options, the
 * photo widget, fields shown only when another has a value. Used by the designer preview, the
 * test bench and the staff area.
 */
export function RecordForm(props: RecordFormProps) {
  const { locale, t } = useI18n();
  const localized = useMemo(() => localizeForm(props.form, locale), [props.form, locale]);
  // Person, store and numbered fields get their widgets from their kind (the form's uiSchema may name others).
  const uiSchema = useMemo(
    () => withKindWidgets(props.form, localized.uiSchema as Record<string, unknown>, t('fieldwork.numberedOnSave'), t('checks.computed')),
    [props.form, localized, t],
  );
  const { validatorFor } = props;
  const validator = useMemo(() => validatorFor(localized.schema as RJSFSchema), [validatorFor, localized]);
  // Stable props for RJSF: a new formContext or function each render would re-render every field
  // on every keystroke (bench/form-render.bench.ts measures it).
  const api = props.context?.api;
  const hideTitle = props.hideTitle ?? false;
  const { status } = props;
  // The fields holding values when the form opened (only with `openFilled`).
  const [filledAtStart] = useState(() => (props.openFilled ? filledFields(props.formData) : undefined));
  const steps = useMemo((): StepLayout | undefined => {
    const view = stepView(props.form, status);
    if (!view) return undefined;
    const words = (s: { id: string; label: FormDefinition['title']; fields: string[] }) => ({
      id: s.id,
      label: pickText(s.label, locale),
      fields: s.fields,
    });
    const opened = filledAtStart ? view.others.filter((s) => s.fields.some((f) => filledAtStart.has(f))).map((s) => s.id) : [];
    return { current: view.current.map(words), others: view.others.map(words), opened };
  }, [props.form, status, locale, filledAtStart]);
  // The stores' zone: date and time boxes read and pick times on its clock (DateWidgets).
  const timeZone = props.timeZone ?? STORE_ZONE;
  const formContext = useMemo(
    () => ({ labelAlign: 'left', colon: false, rowGutter: 16, hideTitle, timeZone, ...(api ? { api } : {}), ...(steps ? { steps } : {}) }),
    [api, hideTitle, steps, timeZone],
  );
  const container = useRef<HTMLDivElement>(null);
  const focusOnFirstError = useCallback(() => focusFirstError(container.current), []);
  const transformErrors = useCallback(
    (errors: RJSFValidationError[]) => translateErrors(errors, locale, localized.schema as RJSFSchema),
    [locale, localized],
  );
  const translate = useMemo(() => translateString(locale), [locale]);
  const handlers = useRef(props);
  handlers.current = props;
  // Computed fields follow their inputs as the person types; the server computes them again.
  const form = props.form;
  const onChange = useCallback(
    (event: IChangeEvent) => handlers.current.onChange?.(computeFields(form, event.formData).data, event.errors),
    [form],
  );
  const onSubmit = useCallback((event: IChangeEvent) => handlers.current.onSubmit?.(computeFields(form, event.formData).data), [form]);
  // The form's date checks (not in the future, not before another field), as the server makes them.
  const customValidate = useCallback(
    (formData: unknown, errors: FormValidation) => {
      for (const problem of checkDates(form, formData, { now: new Date(), timeZone })) {
        let node = errors as unknown as Record<string, FormValidation>;
        for (const segment of problem.pointer.split('/').slice(1))
          node = (node[segment] ?? node) as unknown as Record<string, FormValidation>;
        (node as unknown as FormValidation).addError?.(problem.message[locale]);
      }
      return errors;
    },
    [form, timeZone, locale],
  );
  return (
    <div aria-live="polite" className="record-form" ref={container}>
      <ThemedForm
        schema={localized.schema as RJSFSchema}
        uiSchema={uiSchema as UiSchema}
        formData={props.formData}
        validator={validator}
        formContext={formContext}
        readonly={props.readonly ?? false}
        liveValidate={props.liveValidate ? 'onChange' : false}
        showErrorList="top"
        focusOnFirstError={focusOnFirstError}
        noHtml5Validate
        transformErrors={transformErrors}
        customValidate={customValidate}
        translateString={translate}
        {...(props.extraErrors ? { extraErrors: props.extraErrors } : {})}
        idPrefix={props.idPrefix ?? 'record'}
        onChange={onChange}
        onSubmit={onSubmit}
      >
        {props.children}
      </ThemedForm>
    </div>
  );
}

/** The top-level fields of record data that hold a value. */
function filledFields(data: unknown): Set<string> {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return new Set();
  return new Set(Object.entries(data).flatMap(([name, value]) => (isEmptyData(value) ? [] : [name])));
}
