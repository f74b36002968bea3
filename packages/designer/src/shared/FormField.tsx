import type { CSSProperties, ReactNode } from 'react';

export interface FormFieldProps {
  /** The control's id: the label points at it. */
  id: string;
  label?: ReactNode;
  required?: boolean;
  /** Errors shown under the control (their element carries the id the control's aria-describedby names). */
  errors?: ReactNode;
  /** Help or description under the control. */
  extra?: ReactNode;
  style?: CSSProperties;
  children: ReactNode;
}

/**
 * A labelled field in Ant Design's vertical form layout: label (with the required mark), control,
 * help, errors. Ant Design's own Form.Item would bring its validation library into every screen
 * with a form; our forms are validated by the engine (records) or by the page (sign-in).
 */
export function FormField({ id, label, required, errors, extra, style, children }: FormFieldProps) {
  return (
    <div className={errors ? 'form-field form-field-has-error' : 'form-field'} style={style}>
      {label && (
        <label htmlFor={id} className={required ? 'form-field-label form-field-required' : 'form-field-label'}>
          {label}
        </label>
      )}
      {children}
      {extra && <div className="form-field-extra">{extra}</div>}
      {errors && <div className="form-field-error">{errors}</div>}
    </div>
  );
}
