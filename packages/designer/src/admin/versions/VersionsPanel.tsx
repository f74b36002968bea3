import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Select, Space, Table, Typography } from 'antd';
import type { DefinitionOf, DocumentKind, VersionInfo } from '../../api/types';
import { useApi } from '../../app/ApiContext';
import { versionNoteText } from '@aftersales/contract';
import { useI18n } from '../../i18n/I18nContext';
import { usePeople } from '../../shared/people/usePeople';
import { actorName } from '../../shared/people/actorName';
import { DiffView } from '../../shared/diff/DiffView';
import { errorText } from '../shared/errorText';
import { useFeedback } from '../../app/Feedback';
import { ChangesInWords } from './ChangesInWords';
import type { ChangeLine } from './changesInWords';
import { formatDateTime } from '../../shared/format';

const DRAFT = -1;

/** History of published versions, a side-by-side diff of any two (or of the draft), roll back. */
export function VersionsPanel<K extends DocumentKind>({
  kind,
  id,
  draft,
  onChanged,
  refreshKey,
  describe,
}: {
  kind: K;
  id: string;
  draft: DefinitionOf<K> | null;
  onChanged: () => void;
  refreshKey?: unknown;
  /** The changes between two versions in words (shown first; the JSON diff is one click away). */
  describe?: (before: DefinitionOf<K>, after: DefinitionOf<K>) => ChangeLine[];
}) {
  const api = useApi();
  const people = usePeople(api);
  const { t, locale } = useI18n();
  const { message, modal } = useFeedback();
  const [versions, setVersions] = useState<VersionInfo[] | null>(null);
  const [left, setLeft] = useState<number | null>(null);
  const [right, setRight] = useState<number | null>(DRAFT);
  const [contents, setContents] = useState<Map<number, unknown>>(new Map());
  const [showJson, setShowJson] = useState(false);

  const load = useCallback(async () => {
    try {
      const list = await api[kind].versions(id);
      const sorted = [...list].sort((a, b) => b.version - a.version);
      setVersions(sorted);
      setLeft((l) => l ?? sorted[0]?.version ?? null);
    } catch (e) {
      setVersions([]);
      void message.error(errorText(e, t, locale));
    }
  }, [api, kind, id, message, t, locale]);

  useEffect(() => {
    void load();
  }, [load, refreshKey]);

  useEffect(() => {
    for (const v of [left, right]) {
      if (v === null || v === DRAFT || contents.has(v)) continue;
      void api[kind].version(id, v).then((r) => setContents((m) => new Map(m).set(v, r.definition)));
    }
  }, [left, right, api, kind, id, contents]);

  const content = (v: number | null) => (v === DRAFT ? draft : v === null ? undefined : contents.get(v));
  const name = (v: number | null) => (v === DRAFT ? t('versions.draft') : t('versions.version', { version: v ?? '' }));
  const options = [
    { value: DRAFT, label: t('versions.draft') },
    ...(versions ?? []).map((v) => ({ value: v.version, label: name(v.version) })),
  ];

  const rollback = (version: number) =>
    modal.confirm({
      title: t('versions.rollbackConfirm', { version }),
      content: t('versions.rollbackExplain', { version }),
      okText: t('versions.rollback'),
      onOk: async () => {
        try {
          const result = await api[kind].rollback(id, version);
          void message.success(t('versions.rolledBack', { version: result.version || version }));
          await load();
          onChanged();
        } catch (e) {
          void message.error(errorText(e, t, locale));
        }
      },
    });

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card size="small" title={t('versions.history')}>
        <Table<VersionInfo>
          size="small"
          rowKey="version"
          loading={versions === null}
          dataSource={versions ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('versions.none') }}
          columns={[
            { title: t('versions.number'), dataIndex: 'version', width: 80 },
            { title: t('versions.publishedAt'), render: (_, v) => formatDateTime(v.publishedAt, locale) },
            // Who published (a person, an API key, the first start) and the server's own notes, in words.
            { title: t('versions.publishedBy'), render: (_, v) => actorName(people, v.publishedBy, locale) },
            { title: t('versions.note'), render: (_, v) => versionNoteText(v.note)[locale] },
            {
              title: t('common.actions'),
              render: (_, v) =>
                v.version === versions?.[0]?.version ? (
                  <Typography.Text type="secondary">{t('versions.current')}</Typography.Text>
                ) : (
                  <Button
                    size="small"
                    onClick={() => void rollback(v.version)}
                    aria-label={t('versions.rollbackTo', { version: v.version })}
                  >
                    {t('versions.rollback')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      {/* The two versions are picked in the card's body, where they wrap on a phone (in the title bar they covered the title). */}
      <Card size="small" title={t('versions.compare')}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Select style={{ width: 150 }} value={left} onChange={setLeft} options={options} aria-label={t('versions.left')} />
            <span aria-hidden>↔</span>
            <Select style={{ width: 150 }} value={right} onChange={setRight} options={options} aria-label={t('versions.right')} />
          </Space>
          {content(left) !== undefined && content(right) !== undefined ? (
            <>
              {describe && <ChangesInWords changes={changesOf(describe, content(left), content(right))} />}
              {describe && (
                <Button size="small" onClick={() => setShowJson((v) => !v)} aria-expanded={showJson}>
                  {showJson ? t('versions.hideJson') : t('versions.showJson')}
                </Button>
              )}
              {(!describe || showJson) && (
                <DiffView left={content(left)} right={content(right)} leftTitle={name(left)} rightTitle={name(right)} />
              )}
            </>
          ) : (
            <Typography.Text type="secondary">{t('versions.pickTwo')}</Typography.Text>
          )}
        </Space>
      </Card>
    </Space>
  );
}

/** The changes in words; a version that cannot be read in words (a hand-edited file) falls back to the JSON diff alone. */
function changesOf<T>(describe: (before: T, after: T) => ChangeLine[], before: unknown, after: unknown): ChangeLine[] {
  try {
    return describe(before as T, after as T);
  } catch {
    return [];
  }
}
