import type { LocalizedText } from '../i18n/LocalizedText.js';

export interface PolicyRole {
  /** camelCase id, e.g. "generalManager". */
  id: string;
  label: LocalizedText;
}

/** The policy roles file (`rules/roles.json`): who pays fines, approves, is notified. */
export interface RolesFile {
  $schema?: string;
  id: string;
  title: LocalizedText;
  roles: PolicyRole[];
}
