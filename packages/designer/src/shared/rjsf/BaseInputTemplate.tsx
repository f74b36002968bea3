import { useCallback, type ChangeEvent, type FocusEvent, type MouseEvent } from 'react';
import { SchemaExamples } from '@rjsf/core';
import type { BaseInputTemplateProps } from '@rjsf/utils';
import { ariaDescribedByIds, examplesId, getInputProps } from '@rjsf/utils';
import { Input } from 'antd';
import { NumberInput } from './NumberInput';

const INPUT_STYLE = { width: '100%' };

/**
 * RJSF's text and number inputs in Ant Design's Input (as @rjsf/antd's). Numbers are a text box
 * with the phone's number pad (`NumberInput`: "12,50" is 12.5, letters are refused visibly); RJSF
 * turns the text into a number, and the form screen loads no number-input library.
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
  if (numeric)
    return (
      <NumberInput
        id={id}
        name={htmlName || id}
        value={value}
        integer={schema.type === 'integer'}
        disabled={disabled || (readonlyAsDisabled && readonly) || false}
        readOnly={!!readonly}
        placeholder={placeholder}
        describedBy={ariaDescribedByIds(id, !!schema.examples)}
        onChange={(v) => onChange(v === undefined ? options.emptyValue : v)}
        onBlur={(v) => onBlur(id, v)}
        onFocus={(v) => onFocus(id, v)}
      />
    );
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
        value={value ?? ''}
        aria-describedby={ariaDescribedByIds(id, !!schema.examples)}
      />
      {options.allowClearTextInputs && !readonly && !disabled && value && <ClearButton registry={registry} onClick={handleClear} />}
      <SchemaExamples id={id} schema={schema} />
    </>
  );
}
