import { useEffect, useState } from 'react';
import type { RecordLinks } from '../../../api/linksApi';
import { useApi } from '../../../app/ApiContext';

/** A record's links both ways (null while loading or when they cannot be read); read again when `version` changes. */
export function useRecordLinks(recordId: string, version: unknown): RecordLinks | null {
  const api = useApi();
  const [links, setLinks] = useState<RecordLinks | null>(null);
  useEffect(() => {
    let live = true;
    api.links
      .links(recordId)
      .then((l) => live && setLinks(l))
      .catch(() => live && setLinks(null));
    return () => {
      live = false;
    };
  }, [api, recordId, version]);
  return links;
}

/** The title of each linked record, by its id (what a link field's value is). */
export function linkTitles(links: RecordLinks | null, pick: (text: { 'zh-CN': string; en: string }) => string): Record<string, string> {
  return Object.fromEntries((links?.links ?? []).map((l) => [l.record.id, pick(l.record.title)]));
}
