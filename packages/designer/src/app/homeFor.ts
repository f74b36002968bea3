import type { User } from '../api/types';

/** Where a user lands after signing in: admins in the designer, everyone else in the staff area. */
export function homeFor(user: User): string {
  return user.roles.includes('admin') ? '/admin/forms' : '/staff';
}
