import { useRef, useState } from 'react';
import { Alert, Button, Modal, Space } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  diffTableRows,
  sheetToTable,
  tableToSheet,
  type DecisionTable,
  type FactCatalog,
  type RoleLabels,
  type SheetError,
} from '@aftersales/engine';
import { useI18n } from '../../../i18n/I18nContext';
import { downloadCsv, downloadXlsx, readSheetFile } from './tableFiles';

type Preview = { next: DecisionTable; diff: ReturnType<typeof diffTableRows> } | { errors: SheetError[] } | { unreadable: true };

/**
 * Export to Excel and CSV with a header a store clerk can fill in, and import back: the import
 * shows the rows it adds, removes and changes before anything is applied, or every cell it cannot
 * read with its row and column.
 */
export function TableTransfer({
  table,
  facts,
  roles,
  onImport,
}: {
  table: DecisionTable;
  facts: FactCatalog;
  roles: RoleLabels;
  onImport: (next: DecisionTable) => void;
}) {
  const { t, text, locale } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const name = text(table.title) || table.id;
  const sheet = () => tableToSheet(table, { facts, roles, locale });

  const read = async (file: File) => {
    try {
      const rows = await readSheetFile(file);
      const result = sheetToTable(table, rows, { facts, roles });
      setPreview(result.errors.length > 0 ? { errors: result.errors } : { next: result.table, diff: diffTableRows(table, result.table) });
    } catch {
      setPreview({ unreadable: true });
    }
  };

  return (
    <Space wrap>
      <Button icon={<DownloadOutlined />} onClick={() => void downloadXlsx(sheet(), `${name}.xlsx`, name)}>
        {t('tables.exportXlsx')}
      </Button>
      <Button icon={<DownloadOutlined />} onClick={() => downloadCsv(sheet(), `${name}.csv`)}>
        {t('tables.exportCsv')}
      </Button>
      <Button icon={<UploadOutlined />} onClick={() => input.current?.click()}>
        {t('tables.import')}
      </Button>
      <input
        ref={input}
        type="file"
        accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={t('tables.import')}
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void read(file);
        }}
      />
      <Modal
        open={preview !== null}
        title={t('tables.importTitle')}
        onCancel={() => setPreview(null)}
        okText={t('tables.importApply')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !(preview && 'next' in preview) }}
        onOk={() => {
          if (preview && 'next' in preview) onImport(preview.next);
          setPreview(null);
        }}
      >
        {preview && 'unreadable' in preview && <Alert type="error" showIcon title={t('tables.importUnreadable')} />}
        {preview && 'errors' in preview && (
          <Alert
            type="error"
            showIcon
            title={t('tables.importRefused')}
            description={
              <ul>
                {preview.errors.map((e, i) => (
                  <li key={i}>{t('tables.importCellError', { row: e.row, column: e.column, message: text(e.message) })}</li>
                ))}
              </ul>
            }
          />
        )}
        {preview && 'next' in preview && (
          <div aria-label={t('tables.importTitle')}>
            <p>
              {t('tables.importSummary', {
                added: preview.diff.added.length,
                removed: preview.diff.removed.length,
                changed: preview.diff.changed.length,
              })}
            </p>
            <ul>
              {preview.diff.added.map((r) => (
                <li key={`a-${r.name}`}>{t('tables.importAdded', { rule: text(r.title) })}</li>
              ))}
              {preview.diff.removed.map((r) => (
                <li key={`r-${r.name}`}>{t('tables.importRemoved', { rule: text(r.title) })}</li>
              ))}
              {preview.diff.changed.map((c) => (
                <li key={`c-${c.after.name}`}>{t('tables.importChanged', { rule: text(c.after.title) })}</li>
              ))}
            </ul>
          </div>
        )}
      </Modal>
    </Space>
  );
}
