import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Button, Space, Tabs, Tooltip, Typography, type TabsProps } from 'antd';
import { RedoOutlined, UndoOutlined } from '@ant-design/icons';
import type { DefinitionOf, DocumentKind } from '../../api/types';
import { useI18n } from '../../i18n/I18nContext';
import type { ChangeLine } from '../versions/changesInWords';
import { VersionsPanel } from '../versions/VersionsPanel';
import { DocumentStateTag } from './DocumentStateTag';
import type { DocumentEditor } from './useDocumentEditor';
import { useUndoKeys } from './useUndoKeys';

export interface DocumentEditorShellProps<K extends DocumentKind> {
  kind: K;
  id: string;
  editor: DocumentEditor<DefinitionOf<K>>;
  /** The heading: its text and its element id (the section is labelled by it). */
  title: string;
  titleId: string;
  /** The link back to the list. */
  back: { to: string; label: string };
  /** Tags after the state tag (e.g. the form a rule set reads). */
  tags?: ReactNode;
  /** Actions between redo and save (e.g. a link to the form's rules). */
  actions?: ReactNode;
  busy: boolean;
  onSave: () => void;
  onPublish: () => void;
  tab: string;
  onTabChange: (tab: string) => void;
  /** The document's own tabs; the versions tab comes last. */
  tabs: NonNullable<TabsProps['items']>;
  versions: { refreshKey: number; describe?: (before: DefinitionOf<K>, after: DefinitionOf<K>) => ChangeLine[] };
  /** Shown between the header and the tabs. */
  notice?: ReactNode;
  /** Shown after the tabs. */
  children?: ReactNode;
}

/**
 * The frame of a document editor (a form or a rule set): the back link, the title with the state
 * tag, undo/redo (also Ctrl+Z / Ctrl+Y), save and publish, the tabs, and the versions tab.
 */
export function DocumentEditorShell<K extends DocumentKind>(props: DocumentEditorShellProps<K>) {
  const { kind, id, editor, title, titleId, back, tags, actions, busy, onSave, onPublish, tab, onTabChange, tabs, versions } = props;
  const { t } = useI18n();
  useUndoKeys(editor.undo, editor.redo);
  return (
    <section aria-labelledby={titleId}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Space direction="vertical" size={0}>
          <Link to={back.to}>← {back.label}</Link>
          <Space wrap>
            <Typography.Title id={titleId} level={2} style={{ margin: 0 }}>
              {title}
            </Typography.Title>
            {tags}
            {editor.detail && (
              <DocumentStateTag
                summary={{
                  publishedVersion: editor.detail.published?.version ?? null,
                  hasDraft: !!editor.detail.draft || editor.dirty,
                  archived: editor.detail.archived,
                }}
              />
            )}
          </Space>
        </Space>
        <Space wrap>
          <Tooltip title={t('doc.undoKeys')}>
            <Button icon={<UndoOutlined />} disabled={!editor.canUndo} onClick={editor.undo}>
              {t('doc.undo')}
            </Button>
          </Tooltip>
          <Button icon={<RedoOutlined />} disabled={!editor.canRedo} onClick={editor.redo}>
            {t('doc.redo')}
          </Button>
          {actions}
          {/* Named by their words alone: antd can leave its spinner in a button's content after loading ends. */}
          <Button onClick={onSave} loading={busy} aria-label={t('doc.saveDraft')}>
            {t('doc.saveDraft')}
          </Button>
          <Button type="primary" onClick={onPublish} loading={busy} aria-label={t('doc.publish')}>
            {t('doc.publish')}
          </Button>
        </Space>
      </Space>
      <div role="status" aria-live="polite" className="sr-only">
        {editor.dirty ? t('doc.unsaved') : t('doc.allSaved')}
      </div>
      {props.notice}
      <Tabs
        activeKey={tab}
        onChange={onTabChange}
        items={[
          ...tabs,
          {
            key: 'versions',
            label: t('formEditor.versions'),
            children: (
              <VersionsPanel
                kind={kind}
                id={id}
                draft={editor.value}
                onChanged={() => void editor.reload()}
                refreshKey={versions.refreshKey}
                {...(versions.describe ? { describe: versions.describe } : {})}
              />
            ),
          },
        ]}
      />
      {props.children}
    </section>
  );
}
