import type { FormDefinition, LocalizedText } from '@aftersales/engine';

/** A new, empty form: no fields yet, a two-state status flow (open -> closed). */
export function newFormDefinition(id: string, title: LocalizedText): FormDefinition {
  return {
    $schema: './meta/form.schema.json',
    id,
    title,
    schema: { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', additionalProperties: false, properties: {} },
    uiSchema: {},
    statusFlow: {
      initial: 'open',
      states: [
        { id: 'open', label: { 'zh-CN': '处理中', en: 'Open' } },
        { id: 'closed', label: { 'zh-CN': '已结案', en: 'Closed' }, final: true },
      ],
      transitions: [{ from: 'open', to: 'closed' }],
    },
  };
}
