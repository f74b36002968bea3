import { useMemo } from 'react';
import type { FormDefinition, LocalizedText } from '@aftersales/engine';
import { useI18n } from '../../i18n/I18nContext';
import { useReferenceData } from '../../shared/useReferenceData';
import { STORE_ZONE } from '../../shared/format';

/** Names of policy roles and of a form's statuses, and the stores' time zone: what outcome sentences need. */
export function usePolicyText(form?: FormDefinition) {
  const reference = useReferenceData();
  const { text } = useI18n();
  return useMemo(() => {
    const roleLabels: Record<string, LocalizedText> = Object.fromEntries((reference?.roles?.roles ?? []).map((r) => [r.id, r.label]));
    const statusLabels: Record<string, LocalizedText> = Object.fromEntries((form?.statusFlow?.states ?? []).map((s) => [s.id, s.label]));
    const timeZone = reference?.calendars[0]?.timeZone ?? STORE_ZONE;
    return {
      roleLabels,
      statusLabels,
      timeZone,
      role: (id: string) => (roleLabels[id] ? text(roleLabels[id]) : id),
      status: (id: string | null) => (id === null ? '' : statusLabels[id] ? text(statusLabels[id]) : id),
    };
  }, [reference, form, text]);
}
