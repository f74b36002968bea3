import { useEffect, useState, type FocusEvent } from 'react';
import { Input } from 'antd';
import { ariaDescribedByIds, type RJSFSchema, type WidgetProps } from '@rjsf/utils';
import { useI18n } from '../../i18n/I18nContext';
import type { RecordFormContext } from './PhotoWidget';

/**
 * `x-kind: store`: one of the caller's stores (every store for admins), as the browser's own
 * `<select>`; the record then belongs to that store. Without known stores it is a text input.
 */
export function StoreWidget(props: WidgetProps<unknown, RJSFSchema, RecordFormContext>) {
  const { id, htmlName, required, disabled, readonly, onChange, onBlur, onFocus, registry } = props;
  const { t } = useI18n();
  const api = registry.formContext?.api;
  const [stores, setStores] = useState<string[] | null>(api ? null : []);
  const [names, setNames] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!api) return;
    let live = true;
    api.fieldwork.stores().then(
      (r) => {
        if (!live) return;
        setStores(r.items);
        setNames(r.names);
      },
      () => live && setStores([]),
    );
    return () => {
      live = false;
    };
  }, [api]);
  const value = typeof props.value === 'string' ? props.value : '';
  if (stores !== null && stores.length === 0)
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
  const read = (e: { target: { value: string } }) => (e.target.value === '' ? undefined : e.target.value);
  return (
    <select
      id={id}
      name={htmlName ?? id}
      className="native-select"
      value={value}
      required={required}
      disabled={disabled || readonly || stores === null}
      aria-describedby={ariaDescribedByIds(id)}
      onChange={(e) => onChange(read(e))}
      onBlur={(e: FocusEvent<HTMLSelectElement>) => onBlur(id, read(e))}
      onFocus={(e: FocusEvent<HTMLSelectElement>) => onFocus(id, read(e))}
    >
      <option value="">{t('fieldwork.pickStore')}</option>
      {value && stores !== null && !stores.includes(value) && <option value={value}>{names[value] ?? value}</option>}
      {/* Stores by the names people read (a store nobody named yet by its id). */}
      {(stores ?? []).map((s) => (
        <option key={s} value={s}>
          {Object.hasOwn(names, s) ? names[s] : s}
        </option>
      ))}
    </select>
  );
}
