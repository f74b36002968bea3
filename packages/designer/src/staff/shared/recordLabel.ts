import { formatLocalDateTime, recordName, type FormDefinition, type Locale } from '@aftersales/engine';
import type { Person } from '../../api/fieldworkApi';
import { personName } from '../../shared/people/usePeople';
import { STORE_ZONE } from '../../shared/format';

/**
 * How a record is named in lists and links (never its id): the form's title fields (its
 * `recordTitle`, else its first filled text field), people by their display names (`people`, from
 * `usePeople`; a user name until they are loaded), or when none is filled the local time it was made.
 */
export function recordLabel(
  form: FormDefinition | undefined,
  record: { id: string; data: Record<string, unknown>; createdAt?: string },
  locale: Locale,
  people: readonly Person[] | null,
  timeZone = STORE_ZONE,
): string {
  const name = recordName(form, record.data, locale, (username) => personName(people, username));
  return name || formatLocalDateTime(record.createdAt, locale, timeZone) || '—';
}
