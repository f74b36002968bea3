import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '@aftersales/engine';
import { linkTargets } from './linkTargets';

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

describe('linkTargets', () => {
  it('when a form has link fields, then the forms they name are listed once, and a link with no form yet is left out', () => {
    const form: FormDefinition = {
      id: 'visit',
      title: t('回访', 'Visit'),
      schema: {
        type: 'object',
        properties: {
          ticket: { type: 'string', 'x-kind': 'link', 'x-linkForm': 'after-sales-record' },
          again: { type: 'string', 'x-kind': 'link', 'x-linkForm': 'after-sales-record' },
          order: { type: 'string', 'x-kind': 'link', 'x-linkForm': 'parts-requisition' },
          fresh: { type: 'string', 'x-kind': 'link' },
          note: { type: 'string', 'x-linkForm': 'complaint-log' },
        },
      },
    };
    expect(linkTargets(form)).toEqual(['after-sales-record', 'parts-requisition']);
  });
});
