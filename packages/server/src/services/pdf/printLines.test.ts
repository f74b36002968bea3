import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '@aftersales/engine';
import type { StoredRecord } from '../../store/types.js';
import { printLayout } from './printLines.js';

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const form = {
  id: 'visit',
  title: t('回访', 'Visit'),
  schema: {
    type: 'object',
    properties: {
      note: { type: 'string', 'x-title': t('备注', 'Note') },
      shop: { type: 'string', 'x-kind': 'store', 'x-title': t('回访门店', 'Visiting store') },
    },
  },
} as unknown as FormDefinition;
const record = {
  id: 'r1',
  formId: 'visit',
  formVersion: 1,
  ruleSetVersions: {},
  status: null,
  data: { note: '好', shop: 'beizhan' },
  evaluation: {},
  store: 'jiefang',
  assignee: null,
  createdBy: 'clerk',
  createdAt: '2025-10-09T01:00:00.000Z',
  updatedAt: '2025-10-09T01:00:00.000Z',
  rev: 1,
} as unknown as StoredRecord;
const context = { locale: 'zh-CN' as const, timeZone: 'Asia/Shanghai', people: new Map([['clerk', '客服小陈']]), links: new Map() };

describe('printLayout', () => {
  it('when stores have names, then the record’s store and store fields print by name, never by id', () => {
    const layout = printLayout(form, record, {
      ...context,
      stores: new Map([
        ['jiefang', '解放路店'],
        ['beizhan', '北站店'],
      ]),
    });
    const printed = JSON.stringify([layout.header, layout.lines]);
    expect(printed).toContain('解放路店');
    expect(printed).toContain('北站店');
    expect(printed).not.toMatch(/jiefang|beizhan/);
  });

  it('when a store has no name yet, then its id is printed rather than nothing', () => {
    const layout = printLayout(form, record, context);
    expect(JSON.stringify(layout.header)).toContain('jiefang');
  });

  it('when a person, an API key or the system created the record, then the header names them in words', () => {
    const created = (createdBy: string, locale: 'zh-CN' | 'en' = 'zh-CN') =>
      printLayout(form, { ...record, createdBy }, { ...context, locale }).header.find((line) => line.value.includes(' · '))!.value;
    expect(created('clerk')).toMatch(/ · 客服小陈$/);
    expect(created('api-key:erp-sync')).toMatch(/ · API 密钥“erp-sync”$/);
    expect(created('api-key:erp-sync', 'en')).toMatch(/ · API key “erp-sync”$/);
    expect(created('system')).toMatch(/ · 系统$/);
  });
});
