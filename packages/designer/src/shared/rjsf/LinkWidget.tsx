import { useEffect, useRef, useState } from 'react';
import { Button, Input } from 'antd';
import { ariaDescribedByIds, type RJSFSchema, type WidgetProps } from '@rjsf/utils';
import type { FormDefinition } from '@aftersales/engine';
import { useI18n } from '../../i18n/I18nContext';
import { useForms } from '../../staff/shared/useForms';
import { recordLabel } from '../../staff/shared/recordLabel';
import { usePeople } from '../people/usePeople';
import { formatDateTime } from '../format';
import type { RecordFormContext } from './PhotoWidget';

/** Waits this long after the last key before asking the server (search as you type). */
const SEARCH_DELAY_MS = 250;

interface Option {
  value: string;
  label: string;
}

/**
 * `x-kind: link`: a record of another form (`x-linkForm`), found as you type by its ticket no.,
 * customer or technician among the records of your store, and shown by its title (number ·
 * customer · date), never by its id, which is what the record keeps. A text box and a list of
 * buttons (no dropdown library in the form's first load; 44 px targets on a phone).
 */
export function LinkWidget(props: WidgetProps<unknown, RJSFSchema, RecordFormContext>) {
  const { id, disabled, readonly, autofocus, onChange, onBlur, onFocus, schema, registry, label } = props;
  const { t, text, locale } = useI18n();
  const api = registry.formContext?.api;
  const people = usePeople(api);
  const forms = useForms();
  const linkForm = typeof schema['x-linkForm'] === 'string' ? schema['x-linkForm'] : '';
  const target: FormDefinition | undefined = forms?.byId[linkForm];
  const value = typeof props.value === 'string' && props.value !== '' ? props.value : undefined;
  const [options, setOptions] = useState<Option[]>([]);
  const [current, setCurrent] = useState<Option | null>(null);
  const [loading, setLoading] = useState(false);
  const [words, setWords] = useState('');
  const [editingWords, setEditingWords] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const asked = useRef(0);

  const optionOf = (record: { id: string; data: Record<string, unknown>; createdAt: string }): Option => ({
    value: record.id,
    label: `${recordLabel(target, record, locale, people)} · ${formatDateTime(record.createdAt, locale)}`,
  });

  const search = (words: string) => {
    if (!api || !linkForm) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const turn = ++asked.current;
      setLoading(true);
      api.links
        .find(linkForm, words)
        .then((items) => turn === asked.current && setOptions(items.map(optionOf)))
        .catch(() => turn === asked.current && setOptions([]))
        .finally(() => turn === asked.current && setLoading(false));
    }, SEARCH_DELAY_MS);
  };

  // The records to start from (the newest of the form), once the form's title fields are known.
  useEffect(() => {
    if (forms) search('');
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per form catalog
  }, [forms, linkForm]);

  // A value already there (editing a record) is named by its record's title.
  useEffect(() => {
    if (!api || !value || current?.value === value) return;
    let live = true;
    api.work
      .record(value)
      .then((r) => live && setCurrent(optionOf(r)))
      .catch(() => live && setCurrent({ value, label: t('records.links.unavailable') }));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- looked up when the value changes
  }, [api, value, forms]);

  const chosen = value ? (options.find((o) => o.value === value) ?? current) : null;
  const listId = `${id}-results`;
  const choose = (option: Option | null) => {
    setCurrent(option);
    onChange(option?.value);
  };
  if (value && !editingWords)
    return (
      <div className="link-chosen">
        <span id={id} className="link-chosen-title" aria-describedby={ariaDescribedByIds(id)}>
          {chosen?.label ?? t('records.links.loading')}
        </span>
        {!(disabled || readonly) && (
          <Button
            size="large"
            onClick={() => {
              setEditingWords(true);
              onFocus(id, value);
            }}
          >
            {t('records.links.change')}
          </Button>
        )}
      </div>
    );
  return (
    <div className="link-picker">
      <Input
        id={id}
        type="search"
        role="combobox"
        aria-expanded={options.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-label={label}
        aria-describedby={ariaDescribedByIds(id)}
        value={words}
        disabled={disabled || readonly}
        autoFocus={autofocus}
        placeholder={t('records.links.search', { form: target ? text(target.title) : '' })}
        onChange={(e) => {
          setWords(e.target.value);
          search(e.target.value);
        }}
        onBlur={() => onBlur(id, value)}
      />
      <ul id={listId} role="listbox" aria-label={t('records.links.results')} className="link-results">
        {options.map((o) => (
          <li key={o.value} role="option" aria-selected={o.value === value}>
            <button
              type="button"
              className="link-result"
              onClick={() => {
                choose(o);
                setEditingWords(false);
                setWords('');
              }}
            >
              {o.label}
            </button>
          </li>
        ))}
      </ul>
      <span className="link-status" aria-live="polite">
        {loading ? t('records.links.searching') : options.length === 0 ? t('records.links.none') : ''}
      </span>
    </div>
  );
}
