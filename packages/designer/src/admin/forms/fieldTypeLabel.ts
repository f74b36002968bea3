import type { MessageKey } from '../../i18n/en';
import type { FieldType } from './fieldModel';

/** The i18n key naming each field type. */
export const FIELD_TYPE_LABEL: Record<FieldType, MessageKey> = {
  text: 'fieldType.text',
  longText: 'fieldType.longText',
  number: 'fieldType.number',
  integer: 'fieldType.integer',
  money: 'fieldType.money',
  date: 'fieldType.date',
  dateTime: 'fieldType.dateTime',
  singleChoice: 'fieldType.singleChoice',
  multipleChoice: 'fieldType.multipleChoice',
  yesNo: 'fieldType.yesNo',
  phone: 'fieldType.phone',
  address: 'fieldType.address',
  file: 'fieldType.file',
  photo: 'fieldType.photo',
  signature: 'fieldType.signature',
  person: 'fieldType.person',
  store: 'fieldType.store',
  link: 'fieldType.link',
  group: 'fieldType.group',
  lines: 'fieldType.lines',
  advanced: 'fieldType.advanced',
};
