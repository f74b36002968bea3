import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '@aftersales/engine';
import { recordTitle } from './recordTitle.js';
import { titleNamesPeople } from './impact/titleNamesPeople.js';

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const requisition = {
  id: 'parts-requisition',
  title: t('配件领用单', 'Parts requisition'),
  recordTitle: ['requisitionNo', 'requester'],
  schema: {
    type: 'object',
    properties: { requisitionNo: { type: 'string' }, requester: { type: 'string', 'x-kind': 'person' }, purpose: { type: 'string' } },
  },
} as unknown as FormDefinition;
const record = { data: { requisitionNo: 'LL-20261207-001', requester: 'zhouzhiqiang' }, createdAt: '2026-12-07T09:38:00.000Z' };

describe('record titles', () => {
  it('when a title field names a person, then the title reads their display name, never their user name', () => {
    expect(recordTitle(requisition, record, 'Asia/Shanghai', new Map([['zhouzhiqiang', '周志强']]))).toEqual({
      'zh-CN': '配件领用单 · LL-20261207-001 · 周志强 · 2026-12-07',
      en: 'Parts requisition · LL-20261207-001 · 周志强 · 2026-12-07',
    });
  });

  it('when the person has no account (a name typed before the store had one), then the name reads as typed', () => {
    const typed = { ...record, data: { ...record.data, requester: '王师傅' } };
    expect(recordTitle(requisition, typed, 'Asia/Shanghai', new Map())['zh-CN']).toBe('配件领用单 · LL-20261207-001 · 王师傅 · 2026-12-07');
  });

  it('when a form names its records by a person, then the impact replay retitles them with display names', () => {
    expect(titleNamesPeople(requisition)).toBe(true);
    expect(titleNamesPeople({ ...requisition, recordTitle: ['requisitionNo'] })).toBe(false);
    // Without title fields, a person field among the text fields may name the record.
    expect(titleNamesPeople({ ...requisition, recordTitle: undefined })).toBe(true);
  });
});
