import { useEffect, useState, type ClipboardEvent } from 'react';
import { Input } from 'antd';
import type { LocalizedText } from '@aftersales/engine';
import { useI18n } from '../../../i18n/I18nContext';

/**
 * One editable cell: typed as words (`次要责任`, `> 0`, `[10..20)`), read when the person leaves the
 * cell or presses Enter; what cannot be read stays in the cell, marked, with the reason below.
 * Pasting several cells from a spreadsheet fills the table from this cell on.
 */
export function TableCellInput({
  value,
  label,
  parse,
  onCommit,
  onPasteCells,
}: {
  value: string;
  label: string;
  parse: (text: string) => { error: LocalizedText } | { ok: true };
  onCommit: (text: string) => void;
  onPasteCells: (text: string) => void;
}) {
  const { text } = useI18n();
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<LocalizedText | null>(null);
  useEffect(() => {
    setDraft(value);
    setError(null);
  }, [value]);
  const commit = () => {
    if (draft === value) return setError(null);
    const parsed = parse(draft);
    if ('error' in parsed) return setError(parsed.error);
    setError(null);
    onCommit(draft);
  };
  const paste = (e: ClipboardEvent<HTMLInputElement>) => {
    const pasted = e.clipboardData.getData('text/plain');
    if (!/[\t\n]/.test(pasted.replace(/\r?\n$/, ''))) return;
    e.preventDefault();
    onPasteCells(pasted);
  };
  return (
    <div className="table-cell">
      <Input
        size="small"
        value={draft}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        status={error ? 'error' : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onPressEnter={commit}
        onPaste={paste}
      />
      {error && (
        <div className="table-cell-error" role="alert">
          {text(error)}
        </div>
      )}
    </div>
  );
}
