import type { User } from '../api/types';
import type { Translate } from '../i18n/I18nContext';

export interface NavGroup {
  key: string;
  label: string;
  children: { key: string; label: string }[];
}

/** The side menu: the admin area for admins, the staff area for everyone signed in. The staff area adds its items here. */
export function navigationFor(user: User | null, t: Translate): NavGroup[] {
  if (!user) return [];
  const groups: NavGroup[] = [];
  if (user.roles.includes('admin'))
    groups.push({
      key: 'admin',
      label: t('nav.admin'),
      children: [
        { key: '/admin/forms', label: t('nav.forms') },
        { key: '/admin/rules', label: t('nav.rules') },
        { key: '/admin/calendars', label: t('nav.calendars') },
        { key: '/admin/users', label: t('nav.users') },
        { key: '/admin/api-keys', label: t('nav.apiKeys') },
        { key: '/admin/channels', label: t('channels.nav') },
      ],
    });
  const manager = user.roles.includes('admin') || user.roles.includes('manager');
  groups.push({
    key: 'staff',
    label: t('nav.staff'),
    children: [
      { key: '/staff', label: t('nav.staffHome') },
      { key: '/staff/jobs', label: t('fieldwork.nav.myJobs') },
      { key: '/staff/records', label: t('nav.records') },
      { key: '/staff/approvals', label: t('nav.approvals') },
    ],
  });
  if (manager)
    groups.push({
      key: 'manage',
      label: t('nav.manage'),
      children: [
        { key: '/staff/overdue', label: t('nav.overdue') },
        { key: '/staff/fines', label: t('nav.fines') },
        { key: '/staff/dashboard', label: t('nav.dashboard') },
      ],
    });
  return groups;
}
