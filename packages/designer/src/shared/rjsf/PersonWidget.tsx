import type { FocusEvent } from 'react';
import { Input } from 'antd';
import { ariaDescribedByIds, type RJSFSchema, type WidgetProps } from '@rjsf/utils';
import { useI18n } from '../../i18n/I18nContext';
import { usePeople } from '../people/usePeople';
import type { RecordFormContext } from './PhotoWidget';

/**
 * `x-kind: person`: a user of the store picked by display name (the browser's own `<select>`, the
 * phone's picker), kept by user name; `x-roles` narrows the list to holders of those policy roles.
 * While nobody holds them (a store without accounts for them yet) it is a text input, as the server accepts.
 */
export function PersonWidget(props: WidgetProps<unknown, RJSFSchema, RecordFormContext>) {
  const { id, htmlName, required, disabled, readonly, autofocus, onChange, onBlur, onFocus, schema, registry } = props;
  const { t } = useI18n();
  const roles = Array.isArray(schema['x-roles']) ? (schema['x-roles'] as string[]) : [];
  const people = usePeople(registry.formContext?.api, roles);
  const value = typeof props.value === 'string' ? props.value : '';
  if (people !== null && people.length === 0)
    return (
      <Input
        id={id}
        name={htmlName ?? id}
        value={value}
        disabled={disabled || readonly}
        aria-describedby={ariaDescribedByIds(id)}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      />
    );
  const known = people?.some((p) => p.username === value) ?? false;
  const read = (e: { target: { value: string } }) => (e.target.value === '' ? undefined : e.target.value);
  return (
    <select
      id={id}
      name={htmlName ?? id}
      className="native-select"
      value={value}
      required={required}
      disabled={disabled || readonly || people === null}
      autoFocus={autofocus}
      aria-describedby={ariaDescribedByIds(id)}
      onChange={(e) => onChange(read(e))}
      onBlur={(e: FocusEvent<HTMLSelectElement>) => onBlur(id, read(e))}
      onFocus={(e: FocusEvent<HTMLSelectElement>) => onFocus(id, read(e))}
    >
      <option value="">{people === null ? t('fieldwork.loadingPeople') : t('fieldwork.pickPerson')}</option>
      {/* A name typed before the store had accounts stays as it was. */}
      {value && !known && people !== null && <option value={value}>{value}</option>}
      {(people ?? []).map((p) => (
        <option key={p.username} value={p.username}>
          {p.displayName}
        </option>
      ))}
    </select>
  );
}
