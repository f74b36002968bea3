import { useEffect, useState, type FocusEvent } from 'react';
import { Input } from 'antd';
import { useI18n } from '../../i18n/I18nContext';
import { readNumberText } from './numberText';

const INPUT_STYLE = { width: '100%' };

/**
 * A number box that reads numbers as people type them ("12,50" is 12.5) and refuses letters
 * visibly: "1O" stays on screen, marked, with what is expected, and is passed on as text so the
 * form's check refuses it too (the browser's own number input dropped it silently). A phone shows
 * its number pad (inputmode).
 */
export function NumberInput({
  id,
  name,
  value,
  integer,
  disabled,
  readOnly,
  placeholder,
  describedBy,
  onChange,
  onBlur,
  onFocus,
}: {
  id: string;
  name: string;
  value: unknown;
  integer: boolean;
  disabled: boolean;
  readOnly: boolean;
  placeholder: string | undefined;
  describedBy: string;
  onChange: (value: string | undefined) => void;
  onBlur: (value: string) => void;
  onFocus: (value: string) => void;
}) {
  const { t } = useI18n();
  const shown = typeof value === 'number' || typeof value === 'string' ? String(value) : '';
  const [text, setText] = useState(shown);
  // A value set from outside (a draft resumed, a total computed) replaces what is shown.
  useEffect(() => {
    setText((current) => {
      const read = readNumberText(current);
      if (read.kind === 'number' && typeof value === 'number' && read.value === value) return current;
      if (read.kind === 'invalid' && value === current) return current;
      if (read.kind === 'empty' && shown === '') return current;
      return shown;
    });
  }, [value, shown]);
  const read = readNumberText(text);
  const wrong = read.kind === 'invalid' || (integer && read.kind === 'number' && !Number.isInteger(read.value));
  const errorId = `${id}__number`;
  return (
    <>
      <Input
        id={id}
        name={name}
        type="text"
        inputMode={integer ? 'numeric' : 'decimal'}
        autoComplete="off"
        disabled={disabled}
        readOnly={readOnly}
        placeholder={placeholder}
        style={INPUT_STYLE}
        value={text}
        status={wrong ? 'error' : ''}
        aria-invalid={wrong || undefined}
        aria-describedby={wrong ? `${describedBy} ${errorId}` : describedBy}
        onChange={({ target }) => {
          setText(target.value);
          const next = readNumberText(target.value);
          onChange(next.kind === 'empty' ? undefined : next.kind === 'number' ? next.text : target.value);
        }}
        onBlur={({ target }: FocusEvent<HTMLInputElement>) => onBlur(target.value)}
        onFocus={({ target }: FocusEvent<HTMLInputElement>) => onFocus(target.value)}
      />
      {wrong && (
        <div id={errorId} className="number-input-error" role="alert">
          {t(integer ? 'checks.wholeNumber' : 'checks.number')}
        </div>
      )}
    </>
  );
}
