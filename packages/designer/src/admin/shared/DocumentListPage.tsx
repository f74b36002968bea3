import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Button, Space, Table, Typography, type TableColumnsType } from 'antd';
import type { DocumentSummary } from '../../api/types';
import { useI18n } from '../../i18n/I18nContext';
import { ShowArchivedSwitch } from './DocumentActions';
import { DocumentStateTag } from './DocumentStateTag';

export interface DocumentListPageProps {
  /** The heading: its text and its element id (the section is labelled by it). */
  title: string;
  titleId: string;
  /** The rows; null while loading. */
  items: DocumentSummary[] | null;
  showArchived: boolean;
  onShowArchived: (checked: boolean) => void;
  /** Filters shown between the archived switch and the new button. */
  filters?: ReactNode;
  newLabel: string;
  onNew: () => void;
  /** The name column: its title, and where a row's name links to. */
  nameTitle: string;
  /** What the code under a row's name is called (表单编号, 规则集编号): the one the admin gave it, which the API and the CLI use. */
  idLabel: string;
  href: (item: DocumentSummary) => string;
  /** Columns between the name and the state. */
  columns?: TableColumnsType<DocumentSummary>;
  /** A row's actions (duplicate, archive, links). */
  actions: (item: DocumentSummary) => ReactNode;
  /** The create dialog. */
  children?: ReactNode;
}

/** A list of forms or rule sets: title, show-archived switch, filters, new button, and a table of name, state and actions. */
export function DocumentListPage(props: DocumentListPageProps) {
  const { title, titleId, items, href, actions } = props;
  const { t, text } = useI18n();
  return (
    <section aria-labelledby={titleId}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title id={titleId} level={2} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        <Space wrap>
          <ShowArchivedSwitch checked={props.showArchived} onChange={props.onShowArchived} />
          {props.filters}
          <Button type="primary" onClick={props.onNew}>
            {props.newLabel}
          </Button>
        </Space>
      </Space>
      <Table<DocumentSummary>
        rowKey="id"
        loading={items === null}
        dataSource={items ?? []}
        pagination={false}
        columns={[
          {
            title: props.nameTitle,
            render: (_, item) => (
              <Space direction="vertical" size={0}>
                <Link to={href(item)}>{text(item.title)}</Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('doc.idLine', { label: props.idLabel, id: item.id })}
                </Typography.Text>
              </Space>
            ),
          },
          ...(props.columns ?? []),
          { title: t('forms.state'), render: (_, item) => <DocumentStateTag summary={item} /> },
          { title: t('common.actions'), render: (_, item) => actions(item) },
        ]}
      />
      {props.children}
    </section>
  );
}
