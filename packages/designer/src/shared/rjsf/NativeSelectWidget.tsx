import type { FocusEvent } from 'react';
import CheckboxesWidget from '@rjsf/antd/lib/widgets/CheckboxesWidget/index.js';
import {
  ariaDescribedByIds,
  enumOptionsIndexForValue,
  enumOptionsValueForIndex,
  type FormContextType,
  type RJSFSchema,
  type WidgetProps,
} from '@rjsf/utils';

/**
 * A single choice as the browser's own `<select>` (styled like Ant Design's inputs, `.native-select`
 * in app.css): on a phone it opens the system picker, and the form screen does not load a
 * JavaScript dropdown. A multiple choice is a list of checkboxes.
 */
export function NativeSelectWidget(props: WidgetProps<unknown, RJSFSchema, FormContextType>) {
  const { id, htmlName, options, required, disabled, readonly, autofocus, placeholder, multiple, onChange, onBlur, onFocus } = props;
  if (multiple) return <CheckboxesWidget {...props} />;
  const value: unknown = props.value;
  const enumOptions = options.enumOptions ?? [];
  const enumDisabled = options.enumDisabled as unknown[] | undefined;
  const emptyValue: unknown = options.emptyValue;
  const index = enumOptionsIndexForValue(value as never, enumOptions, false) as string | undefined;
  const read = (event: { target: { value: string } }): unknown =>
    enumOptionsValueForIndex(event.target.value, enumOptions, emptyValue as never);
  return (
    <select
      id={id}
      name={htmlName ?? id}
      className="native-select"
      value={index ?? ''}
      required={required}
      disabled={disabled || readonly}
      autoFocus={autofocus}
      aria-describedby={ariaDescribedByIds(id)}
      onChange={(e) => onChange(read(e))}
      onBlur={(e: FocusEvent<HTMLSelectElement>) => onBlur(id, read(e))}
      onFocus={(e: FocusEvent<HTMLSelectElement>) => onFocus(id, read(e))}
    >
      {(index === undefined || !required) && <option value="">{placeholder ?? ''}</option>}
      {enumOptions.map((option, i) => (
        <option key={i} value={String(i)} disabled={enumDisabled?.includes(option.value)}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
