import type { adminEn } from './admin.en';
import type { staffEn } from './staff.en';

/**
 * English texts of the whole app (sign-in, layout, navigation, shared widgets, and what the admin and
 * staff areas both show). The staff area's own texts are in staff.en.ts, the admin area's in
 * admin.en.ts: each is loaded with its area (I18nContext), so the staff screens never load the
 * designer's texts. Keys are shared with zh-CN.ts, which must translate every one. New keys may go at
 * the end of this file; `pnpm i18n:areas` moves those one area uses to its files.
 */
export const en = {
  'app.title': 'After-sales Policy Studio',
  'app.language': 'Language',
  'app.navigation': 'Main navigation',
  'app.openMenu': 'Open the menu',
  'app.closeMenu': 'Close the menu',
  'app.skipToContent': 'Skip to content',
  'auth.intro': 'Sign in to configure store policies or fill in after-sales records.',
  'auth.username': 'User name',
  'auth.password': 'Password',
  'auth.usernameRequired': 'Enter your user name',
  'auth.passwordRequired': 'Enter your password',
  'auth.signIn': 'Sign in',
  'auth.signOut': 'Sign out',
  'auth.badCredentials': 'Wrong user name or password.',
  'auth.tooManyAttempts': 'Too many sign-in attempts. Try again in {minutes} min.',
  'auth.deactivated': 'This account is deactivated. Ask an administrator.',
  'auth.forbidden': 'You do not have access to this page.',
  'chart.more': '{count} more not listed',
  'common.loading': 'Loading',
  'common.notFound': 'Not found.',
  'common.offline': 'The server cannot be reached.',
  'common.reload': 'Reload',
  'auth.toHome': 'Go to my start page',
  'common.pageError': 'This page failed to load.',
  'common.serverError': 'The server refused the request',
  'nav.admin': 'Designer',
  'nav.forms': 'Forms',
  'nav.rules': 'Rules',
  'nav.staff': 'Work',
  'nav.staffHome': 'My work',
  'rjsf.photoPlaceholder': 'Photo or file link',
  'rjsf.upload': 'Upload',
  'rjsf.takePhoto': 'Take photo',
  'rjsf.photoOf': 'Photo: {field}',
  'rjsf.openFile': 'Open the file',
  'rjsf.uploadFailed': 'Upload failed: {reason}',
  'json.noProblems': 'No problems.',
  'json.lineColumn': 'Line {line}, column {column}',
  'diff.noChanges': 'No differences.',
  'diff.label': 'Differences between {left} and {right}',
  'diff.removed': 'removed:',
  'diff.added': 'added:',
  'bench.outcome': 'Outcome',
  'bench.noOutcome': 'The rules say nothing about this record.',
  'bench.explanation': 'Why (every rule and condition)',
  'bench.applies': 'Applies',
  'bench.doesNotApply': 'Does not apply',
  'bench.off': 'Switched off',
  'bench.group.all': 'All of these hold',
  'bench.group.any': 'At least one of these holds',
  'bench.group.not': 'This does not hold',
  'tables.rowOf': "'{table}', row {row}",
  'tables.matchedRow': 'Matched: {place}',
  'common.cancel': 'Cancel',
  'nav.records': 'Records',
  'nav.approvals': 'Approvals',
  'nav.manage': 'Management',
  'nav.overdue': 'Overdue board',
  'nav.fines': 'Fines ledger',
  'nav.dashboard': 'Dashboards',
  'staff.conflict': 'Someone changed this record meanwhile. Reload it and try again.',
  'nav.users': 'Users',
  'nav.calendars': 'Calendars',
  'nav.apiKeys': 'API keys',
  'choice.placeholder': 'Choose…',
  'words.sharedCondition': '(shared condition)',
  // fieldwork: person and store fields, dispatch, my jobs
  'fieldwork.nav.myJobs': 'My jobs',
  'fieldwork.pickPerson': 'Pick a person',
  'fieldwork.pickStore': 'Pick a store',
  'fieldwork.loadingPeople': 'Loading people…',
  'fieldwork.numberedOnSave': 'Numbered when saved',
  // fieldwork: notice channels
  'channels.nav': 'Notice channels',
  // fieldwork: signature pad
  'fieldwork.signature.pad': 'Sign here: {field}',
  'fieldwork.signature.clear': 'Clear',
  'fieldwork.signature.confirm': 'Confirm signature',
  'fieldwork.signature.again': 'Sign again',
  'fieldwork.signature.empty': 'Sign in the box first',
  'fieldwork.signature.of': 'Signature: {field}',
  'records.links.search': 'Type a ticket no., customer or technician to find the {form}',
  'records.links.searching': 'Searching…',
  'records.links.none': 'No matching record in your store',
  'records.links.results': 'Matching records',
  'records.links.change': 'Change',
  'records.links.loading': 'Loading…',
  'records.links.unavailable': 'A record you cannot see',
  // h-words: photos (several per field)
  'rjsf.photoNumbered': '{field}: photo {n} of {count}',
  'rjsf.removePhoto': 'Remove',
  'rjsf.removePhotoOf': 'Remove the photo: {field}',
  'rjsf.removePhotoNumbered': 'Remove photo {n}: {field}',
  'rjsf.photoCount': '{count} of at most {max} photos',
  'rjsf.photosWhenFilling': 'Photos are taken or uploaded when a record is filled in',
  // h-steps: sections, steps and input checks
  'steps.otherFields': 'Other fields',
  'steps.otherSections': 'Other sections',
  'checks.computed': 'Computed',
  'checks.number': 'Enter a number, e.g. 12.5 (no letters)',
  'checks.wholeNumber': 'Enter a whole number, e.g. 3 (no letters or decimals)',
  'list.shown': 'Showing {shown} of {total}',
  'list.more': 'Load more',
  // scale: records list paging and search
  'list.shownAtLeast': 'Showing {shown} of more than {total}',
} as const;

/** A message key of any area: `t()` takes only these (a missing key is a type error). */
export type MessageKey = keyof typeof en | keyof typeof staffEn | keyof typeof adminEn;
/** Every message of every area in one language. */
export type Messages = Record<MessageKey, string>;
/** The messages of this file in one language. */
export type CommonMessages = Record<keyof typeof en, string>;
