import { useCallback, type ChangeEvent, type FocusEvent, type MouseEvent, type WheelEvent } from 'react';
import { SchemaExamples } from '@rjsf/core';
import type { BaseInputTemplateProps } from '@rjsf/utils';
import { ariaDescribedByIds, examplesId, getInputProps } from '@rjsf/utils';
import { Input } from 'antd';

const INPUT_STYLE = { width: '100%' };

/**
 * RJSF's text and number inputs in Ant Design's Input (as @rjsf/antd's). Numbers are the
 * browser's own number input, as the dates are: a phone shows its number pad (inputmode), RJSF
 * turns the text into a number, and the form screen loads no number-input library. The wheel
 * does not change a focused amount.
 */
export function BaseInputTemplate(props: BaseInputTemplateProps) {
  const {
    disabled,
    registry,
    id,
    htmlName,
    onBlur,
    onChange,
    onChangeOverride,
    onFocus,
    options,
    placeholder,
    readonly,
    required,
    schema,
    type,
  } = props;
  const value = props.value as string | number | undefined;
  const inputProps = getInputProps(schema, type as string | undefined, options, false);
  const { readonlyAsDisabled = true } = registry.formContext as { readonlyAsDisabled?: boolean };
  const { ClearButton } = registry.templates.ButtonTemplates;
  const handleChange =
    onChangeOverride || (({ target }: ChangeEvent<HTMLInputElement>) => onChange(target.value === '' ? options.emptyValue : target.value));
  const handleClear = useCallback(
    (e: MouseEvent) => {
      e.preventDefault();
      e.stopPropagation();
      onChange(options.emptyValue);
    },
    [onChange, options.emptyValue],
  );
  const numeric = inputProps.type === 'number' || inputProps.type === 'integer';
  return (
    <>
      <Input
        disabled={disabled || (readonlyAsDisabled && readonly)}
        id={id}
        name={htmlName || id}
        onBlur={!readonly ? ({ target }: FocusEvent<HTMLInputElement>) => onBlur(id, target.value) : undefined}
        onChange={!readonly ? handleChange : undefined}
        onFocus={!readonly ? ({ target }: FocusEvent<HTMLInputElement>) => onFocus(id, target.value) : undefined}
        placeholder={placeholder}
        required={required}
        style={INPUT_STYLE}
        list={schema.examples ? examplesId(id) : undefined}
        {...inputProps}
        {...(numeric
          ? {
              type: 'number',
              inputMode: schema.type === 'integer' ? ('numeric' as const) : ('decimal' as const),
              onWheel: (e: WheelEvent<HTMLInputElement>) => e.currentTarget.blur(),
            }
          : {})}
        value={value ?? ''}
        aria-describedby={ariaDescribedByIds(id, !!schema.examples)}
      />
      {options.allowClearTextInputs && !readonly && !disabled && value && <ClearButton registry={registry} onClick={handleClear} />}
      <SchemaExamples id={id} schema={schema} />
    </>
  );
}
