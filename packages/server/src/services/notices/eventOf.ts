import type { NoticeEvent } from '../../store/channels.js';
import type { Notification } from '../../store/types.js';

/** What a notice is about, from its unique key (record|remind|key, record|breach|key|i for a fine, record|decision|approval, ...). */
export function eventOf(notice: Notification): NoticeEvent {
  const parts = notice.uniqueKey.split('|');
  if (parts[0]?.startsWith('approval-') || parts[1] === 'decision') return 'approval';
  if (parts[1] === 'breach') return parts.length > 3 ? 'fine' : 'deadline';
  if (parts[1] === 'remind') return 'deadline';
  return 'record';
}
