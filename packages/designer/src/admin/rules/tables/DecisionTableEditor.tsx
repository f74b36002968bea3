import { useState, type DragEvent } from 'react';
import { Alert, Button, Radio, Space, Tooltip } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, CopyOutlined, DeleteOutlined, HolderOutlined, PlusOutlined } from '@ant-design/icons';
import {
  describeFinding,
  formatCell,
  formatOutput,
  inputLabel,
  newRowDefaults,
  outputLabel,
  parseCell,
  parseOutput,
  uniqueRowName,
  type DecisionTable,
  type FactCatalog,
  type LocalizedText,
  type RoleLabels,
  type TableFinding,
  type TableRow,
} from '@aftersales/engine';
import { useI18n } from '../../../i18n/I18nContext';
import { move } from '../../forms/fieldModel';
import { LocalizedInput } from '../../shared/LocalizedInput';
import { readPastedCells } from './tableFiles';
import { TableCellInput } from './TableCellInput';
import { TableTransfer } from './TableTransfer';

/** A column the person edits: the row's name, an input or an output. */
type Column = { kind: 'title' } | { kind: 'input'; index: number } | { kind: 'output'; index: number };

/**
 * A decision table: inputs and outputs as columns, rules as rows. Cells are typed in words and
 * read as the person leaves them; rows are added, copied, removed, dragged or moved with the
 * arrows; cells pasted from a spreadsheet fill the table; undo and redo are the rule set's.
 */
export function DecisionTableEditor({
  table,
  facts,
  roles,
  findings,
  onChange,
}: {
  table: DecisionTable;
  facts: FactCatalog;
  roles: RoleLabels;
  findings: TableFinding[];
  onChange: (next: DecisionTable, coalesce?: string) => void;
}) {
  const { t, text, locale } = useI18n();
  const [dragged, setDragged] = useState<number | null>(null);
  const [pasteErrors, setPasteErrors] = useState<LocalizedText[]>([]);
  const factLabel = (fact: string) => inputLabel({ fact }, facts)[locale];
  const columns: Column[] = [
    { kind: 'title' },
    ...table.inputs.map((_, index) => ({ kind: 'input' as const, index })),
    ...table.outputs.map((_, index) => ({ kind: 'output' as const, index })),
  ];
  const heading = (column: Column) =>
    column.kind === 'title'
      ? t('tables.ruleName')
      : column.kind === 'input'
        ? text(inputLabel(table.inputs[column.index]!, facts))
        : text(outputLabel(table, table.outputs[column.index]!, facts));
  const shown = (row: TableRow, column: Column): string => {
    if (column.kind === 'title') return text(row.title);
    if (column.kind === 'input')
      return formatCell(row.cells[column.index] ?? { op: 'any' }, facts(table.inputs[column.index]!.fact), locale);
    return formatOutput(row.outputs[column.index], table.outputs[column.index]!, locale, roles, factLabel);
  };
  /** The row with a cell set from typed text, or why the text cannot be read. */
  const withCell = (row: TableRow, column: Column, typed: string): { row: TableRow } | { error: LocalizedText } => {
    if (column.kind === 'title') {
      const title = typed.trim();
      if (!title) return { error: { 'zh-CN': '请填写规则名称', en: 'Give the rule a name' } };
      return {
        row: {
          ...row,
          title: {
            ...row.title,
            [locale]: title,
            ...(row.title[locale === 'en' ? 'zh-CN' : 'en'] ? {} : { [locale === 'en' ? 'zh-CN' : 'en']: title }),
          },
        },
      };
    }
    if (column.kind === 'input') {
      const parsed = parseCell(typed, facts(table.inputs[column.index]!.fact));
      if ('error' in parsed) return parsed;
      return { row: { ...row, cells: row.cells.map((c, i) => (i === column.index ? parsed.cell : c)) } };
    }
    const parsed = parseOutput(typed, table.outputs[column.index]!, locale, {
      roles,
      previous: row.outputs[column.index],
      factLabel: (f, l) => inputLabel({ fact: f }, facts)[l],
    });
    if ('error' in parsed) return parsed;
    return { row: { ...row, outputs: row.outputs.map((o, i) => (i === column.index ? parsed.value : o)) } };
  };
  const setRows = (rows: TableRow[], coalesce?: string) => onChange({ ...table, rows }, coalesce);
  const newRow = (from?: TableRow): TableRow => {
    const last = from ?? table.rows[table.rows.length - 1]!;
    const n = table.rows.length + 1;
    return {
      ...newRowDefaults(table),
      name: uniqueRowName(table),
      title: from
        ? { 'zh-CN': `${from.title['zh-CN']}（副本）`, en: `${from.title.en} (copy)` }
        : { 'zh-CN': `${table.title['zh-CN']} 第 ${n} 行`, en: `${table.title.en}, row ${n}` },
      cells: from ? [...from.cells] : table.inputs.map(() => ({ op: 'any' as const })),
      outputs: [...last.outputs],
    };
  };
  const pasteAt = (rowIndex: number, columnIndex: number, pasted: string) => {
    const rows = [...table.rows];
    const errors: LocalizedText[] = [];
    readPastedCells(pasted).forEach((line, i) => {
      const r = rowIndex + i;
      if (!rows[r]) rows[r] = { ...newRow(), name: uniqueRowName({ ...table, rows }) };
      line.forEach((typed, j) => {
        const column = columns[columnIndex + j];
        if (!column) return;
        const result = withCell(rows[r]!, column, typed);
        if ('error' in result) {
          const where = { row: r + 1, column: heading(column) };
          errors.push({
            'zh-CN': `第 ${where.row} 行“${where.column}”：${result.error['zh-CN']}`,
            en: `Row ${where.row}, '${where.column}': ${result.error.en}`,
          });
        } else rows[r] = result.row;
      });
    });
    setPasteErrors(errors);
    setRows(rows);
  };
  const drop = (e: DragEvent, to: number) => {
    e.preventDefault();
    if (dragged !== null && dragged !== to) setRows(move(table.rows, dragged, to));
    setDragged(null);
  };
  const rowFindings = (r: number) => findings.filter((f) => 'row' in f && f.row === r);
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning');

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <div className="designer-grid" style={{ gridTemplateColumns: 'minmax(0, 1fr) auto', alignItems: 'end' }}>
        <label>
          <span className="field-caption">{t('tables.title')}</span>
          <LocalizedInput
            label={t('tables.title')}
            value={table.title}
            onChange={(title) => onChange({ ...table, title }, 'table-title')}
          />
        </label>
        <TableTransfer table={table} facts={facts} roles={roles} onImport={(next) => onChange(next)} />
      </div>
      <Radio.Group
        aria-label={t('tables.hitPolicy')}
        value={table.hitPolicy}
        onChange={(e) => onChange({ ...table, hitPolicy: e.target.value as DecisionTable['hitPolicy'] })}
        optionType="button"
        options={[
          { value: 'first', label: t('tables.hitFirst') },
          { value: 'collect', label: t('tables.hitCollect') },
        ]}
      />
      <p className="help-text">{table.hitPolicy === 'first' ? t('tables.hitFirstHelp') : t('tables.hitCollectHelp')}</p>
      <div className="decision-table-scroll">
        <table className="decision-table" aria-label={text(table.title)}>
          <thead>
            <tr>
              <th scope="col">#</th>
              {columns.map((column, i) => (
                <th key={i} scope="col" className={column.kind === 'output' ? 'output' : undefined}>
                  {heading(column)}
                </th>
              ))}
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              <tr
                key={row.name}
                className={
                  rowFindings(r).some((f) => f.severity === 'error') ? 'has-error' : rowFindings(r).length ? 'has-warning' : undefined
                }
                draggable
                onDragStart={() => setDragged(r)}
                onDragOver={(e) => e.preventDefault()}
                onDrop={(e) => drop(e, r)}
                data-row={r + 1}
              >
                <th scope="row">
                  <span className="drag-handle" aria-hidden>
                    <HolderOutlined />
                  </span>
                  {r + 1}
                </th>
                {columns.map((column, c) => (
                  <td key={c} className={column.kind === 'output' ? 'output' : undefined}>
                    <TableCellInput
                      value={shown(row, column)}
                      label={t('tables.cellLabel', { row: r + 1, column: heading(column) })}
                      parse={(typed) => {
                        const result = withCell(row, column, typed);
                        return 'error' in result ? result : { ok: true };
                      }}
                      onCommit={(typed) => {
                        const result = withCell(row, column, typed);
                        if ('row' in result) setRows(table.rows.map((x, i) => (i === r ? result.row : x)));
                      }}
                      onPasteCells={(pasted) => pasteAt(r, c, pasted)}
                    />
                  </td>
                ))}
                <td>
                  <Space size={0}>
                    <Tooltip title={t('tables.moveUp')}>
                      <Button
                        size="small"
                        type="text"
                        icon={<ArrowUpOutlined />}
                        disabled={r === 0}
                        aria-label={t('tables.moveUpRow', { row: r + 1 })}
                        onClick={() => setRows(move(table.rows, r, r - 1))}
                      />
                    </Tooltip>
                    <Tooltip title={t('tables.moveDown')}>
                      <Button
                        size="small"
                        type="text"
                        icon={<ArrowDownOutlined />}
                        disabled={r === table.rows.length - 1}
                        aria-label={t('tables.moveDownRow', { row: r + 1 })}
                        onClick={() => setRows(move(table.rows, r, r + 1))}
                      />
                    </Tooltip>
                    <Tooltip title={t('tables.duplicate')}>
                      <Button
                        size="small"
                        type="text"
                        icon={<CopyOutlined />}
                        aria-label={t('tables.duplicateRow', { row: r + 1 })}
                        onClick={() => setRows([...table.rows.slice(0, r + 1), newRow(row), ...table.rows.slice(r + 1)])}
                      />
                    </Tooltip>
                    <Tooltip title={t('tables.remove')}>
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        disabled={table.rows.length === 1}
                        aria-label={t('tables.removeRow', { row: r + 1 })}
                        onClick={() => setRows(table.rows.filter((_, i) => i !== r))}
                      />
                    </Tooltip>
                  </Space>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Button type="dashed" icon={<PlusOutlined />} onClick={() => setRows([...table.rows, newRow()])}>
        {t('tables.addRow')}
      </Button>
      {pasteErrors.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('tables.pasteErrors')}
          description={
            <ul>
              {pasteErrors.map((e, i) => (
                <li key={i}>{text(e)}</li>
              ))}
            </ul>
          }
          closable
          onClose={() => setPasteErrors([])}
        />
      )}
      {errors.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('tables.errors')}
          description={
            <ul aria-label={t('tables.errors')}>
              {errors.map((f, i) => (
                <li key={i}>{text(describeFinding(f, table, facts))}</li>
              ))}
            </ul>
          }
        />
      )}
      {warnings.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t('tables.warnings')}
          description={
            <ul aria-label={t('tables.warnings')}>
              {warnings.map((f, i) => (
                <li key={i}>{text(describeFinding(f, table, facts))}</li>
              ))}
            </ul>
          }
        />
      ) : (
        errors.length === 0 && <Alert type="success" showIcon title={t('tables.noFindings')} />
      )}
    </Space>
  );
}
