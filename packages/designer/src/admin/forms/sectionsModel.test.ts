import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '@aftersales/engine';
import { newSectionId, withSections, withStep } from './sectionsModel';

const form: FormDefinition = {
  id: 'job',
  title: { 'zh-CN': '工单', en: 'Job' },
  schema: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } } },
  statusFlow: {
    initial: 'open',
    states: [
      { id: 'open', label: { 'zh-CN': '待办', en: 'Open' } },
      { id: 'onSite', label: { 'zh-CN': '已到场', en: 'On site' } },
    ],
    transitions: [{ from: 'open', to: 'onSite' }],
  },
  sections: [
    { id: 'call', label: { 'zh-CN': '来电', en: 'Call' }, fields: ['a'] },
    { id: 'work', label: { 'zh-CN': '维修', en: 'Work' }, fields: ['b'] },
  ],
};

describe('sections model of the form editor', () => {
  it('when steps are chosen for statuses, then they are kept in the order of the flow, and choosing none removes the step', () => {
    const both = withStep(withStep(form, 'onSite', ['work']), 'open', ['call', 'work']);
    expect(both.steps).toEqual([
      { status: 'open', sections: ['call', 'work'] },
      { status: 'onSite', sections: ['work'] },
    ]);
    expect(withStep(withStep(form, 'open', ['call']), 'open', []).steps).toBeUndefined();
  });

  it('when a section is removed, then the steps forget it and a step left empty goes; no section left drops both keys', () => {
    const stepped = withStep(withStep(form, 'open', ['call', 'work']), 'onSite', ['work']);
    const without = withSections(stepped, [form.sections![0]!]);
    expect(without.steps).toEqual([{ status: 'open', sections: ['call'] }]);
    const none = withSections(stepped, []);
    expect(none).not.toHaveProperty('sections');
    expect(none).not.toHaveProperty('steps');
  });

  it('when a section is added, then its id is free among the sections', () => {
    expect(newSectionId([{ id: 'section2', label: { 'zh-CN': '', en: '' }, fields: [] }])).toBe('section3');
    expect(newSectionId(form.sections!)).toBe('section3');
  });
});
