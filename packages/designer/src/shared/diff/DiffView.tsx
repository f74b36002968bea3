import { useMemo } from 'react';
import { Typography } from 'antd';
import { useI18n } from '../../i18n/I18nContext';
import { hasChanges, lineDiff } from './lineDiff';

/** Two JSON documents side by side, changed lines marked (− removed on the left, + added on the right). */
export function DiffView({ left, right, leftTitle, rightTitle }: { left: unknown; right: unknown; leftTitle: string; rightTitle: string }) {
  const { t } = useI18n();
  const rows = useMemo(() => lineDiff(JSON.stringify(left, null, 2), JSON.stringify(right, null, 2)), [left, right]);
  if (!hasChanges(rows)) return <Typography.Text type="secondary">{t('diff.noChanges')}</Typography.Text>;
  return (
    <div style={{ maxHeight: 560, overflow: 'auto', border: '1px solid #f0f0f0' }}>
      <table className="diff-table" aria-label={t('diff.label', { left: leftTitle, right: rightTitle })}>
        <thead>
          <tr>
            <th className="num" />
            <th scope="col">{leftTitle}</th>
            <th className="num" />
            <th scope="col">{rightTitle}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) =>
            row.kind === 'same' ? (
              <tr key={i}>
                <td className="num">{row.left}</td>
                <td>{row.text}</td>
                <td className="num">{row.right}</td>
                <td>{row.text}</td>
              </tr>
            ) : (
              <tr key={i}>
                <td className="num">{row.left ?? ''}</td>
                <td className={row.leftText === null ? undefined : 'diff-del'}>
                  {row.leftText !== null && <span className="sr-only">{t('diff.removed')} </span>}
                  {row.leftText ?? ''}
                </td>
                <td className="num">{row.right ?? ''}</td>
                <td className={row.rightText === null ? undefined : 'diff-add'}>
                  {row.rightText !== null && <span className="sr-only">{t('diff.added')} </span>}
                  {row.rightText ?? ''}
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
