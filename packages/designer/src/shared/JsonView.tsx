import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Button, Typography } from 'antd';
import { parseJsonText, type Problem } from '@aftersales/engine';
import { useI18n } from '../i18n/I18nContext';

export interface JsonViewProps {
  value: unknown;
  onChange?: (next: unknown) => void;
  /** The engine's problems for this text (line/column as the text is shown). */
  problems?: readonly Problem[];
  label: string;
  height?: number;
}

/** JSON text for power users: line numbers, problems marked on their line and listed (focusable), edits parsed as typed. */
export function JsonView({ value, onChange, problems = [], label, height = 520 }: JsonViewProps) {
  const { t, text: pick } = useI18n();
  const canonical = useMemo(() => JSON.stringify(value, null, 2) + '\n', [value]);
  const [text, setText] = useState(canonical);
  const [parseProblems, setParseProblems] = useState<Problem[]>([]);
  const lastEmitted = useRef(canonical);
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const listId = useId();

  useEffect(() => {
    if (canonical !== lastEmitted.current) {
      lastEmitted.current = canonical;
      setText(canonical);
      setParseProblems([]);
    }
  }, [canonical]);

  const shown = parseProblems.length > 0 ? parseProblems : text === canonical ? problems : [];
  const lines = text.split('\n');
  const badLines = new Map<number, string>();
  for (const p of shown) if (p.line) badLines.set(p.line, pick(p.message));

  const edit = (next: string) => {
    setText(next);
    const parsed = parseJsonText('json', next);
    if (!parsed.ok) {
      setParseProblems(parsed.problems);
      return;
    }
    setParseProblems([]);
    lastEmitted.current = JSON.stringify(parsed.document.value, null, 2) + '\n';
    onChange?.(parsed.document.value);
  };

  const goTo = (line: number | undefined, column: number | undefined) => {
    const el = area.current;
    if (!el || !line) return;
    const offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + Math.max(0, (column ?? 1) - 1);
    el.focus();
    el.setSelectionRange(offset, offset);
    el.scrollTop = Math.max(0, (line - 5) * 20);
  };

  return (
    <div>
      <div className="json-view" style={{ height }}>
        <div className="json-gutter" ref={gutter} aria-hidden="true">
          {lines.map((_, i) => (
            <div key={i} className={badLines.has(i + 1) ? 'json-line-bad' : undefined} title={badLines.get(i + 1)}>
              {i + 1}
            </div>
          ))}
        </div>
        <textarea
          ref={area}
          aria-label={label}
          aria-describedby={listId}
          aria-invalid={shown.length > 0}
          spellCheck={false}
          readOnly={!onChange}
          value={text}
          onChange={(e) => edit(e.target.value)}
          onScroll={(e) => {
            if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
          }}
          onBlur={() => {
            if (parseProblems.length === 0) setText(canonical);
          }}
        />
      </div>
      <div id={listId} role="status" aria-live="polite" className="json-problems">
        {shown.length === 0 ? (
          <Typography.Text type="success">{t('json.noProblems')}</Typography.Text>
        ) : (
          <ul>
            {shown.map((p, i) => (
              <li key={i}>
                <Button type="link" size="small" onClick={() => goTo(p.line, p.column)}>
                  {p.line ? t('json.lineColumn', { line: p.line, column: p.column ?? 1 }) : p.pointer || '/'}
                </Button>
                <Typography.Text type="danger">{pick(p.message)}</Typography.Text>
                {p.pointer && <Typography.Text type="secondary"> ({p.pointer})</Typography.Text>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
