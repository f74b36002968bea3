import { describe, expect, it } from 'vitest';
import { checkForm } from './checkForm.js';
import type { FormDefinition } from './FormDefinition.js';
import { stampOf, stepView } from './stepView.js';

const form: FormDefinition = {
  id: 'job',
  title: { 'zh-CN': '工单', en: 'Job' },
  schema: {
    type: 'object',
    properties: {
      callTime: { type: 'string', format: 'date-time' },
      customer: { type: 'string' },
      arrivalTime: { type: 'string', format: 'date-time' },
      work: { type: 'string' },
      note: { type: 'string' },
    },
  },
  statusFlow: {
    initial: 'received',
    states: [
      { id: 'received', label: { 'zh-CN': '受理', en: 'Received' } },
      { id: 'dispatched', label: { 'zh-CN': '已派工', en: 'Dispatched' } },
      { id: 'onSite', label: { 'zh-CN': '已到场', en: 'On site' } },
    ],
    transitions: [
      { from: 'received', to: 'dispatched' },
      { from: 'dispatched', to: 'onSite', stamp: 'arrivalTime' },
    ],
  },
  sections: [
    { id: 'call', label: { 'zh-CN': '来电', en: 'Call' }, fields: ['callTime', 'customer'] },
    { id: 'onSite', label: { 'zh-CN': '到场', en: 'On site' }, fields: ['arrivalTime', 'work'] },
  ],
  steps: [
    { status: 'received', sections: ['call'] },
    { status: 'dispatched', sections: ['onSite'] },
  ],
};

describe('stepView', () => {
  it('when the status has a step, then its sections come first and the others (with the unnamed fields last) are collapsed', () => {
    const view = stepView(form, 'dispatched')!;
    expect(view.current.map((s) => s.id)).toEqual(['onSite']);
    expect(view.others.map((s) => [s.id, s.fields])).toEqual([
      ['call', ['callTime', 'customer']],
      ['_otherFields', ['note']],
    ]);
  });

  it('when the status has no step, then every section is current; a form without sections has no view', () => {
    expect(stepView(form, 'onSite')!.current.map((s) => s.id)).toEqual(['call', 'onSite', '_otherFields']);
    const plain = { ...form };
    delete plain.sections;
    expect(stepView(plain, 'received')).toBeNull();
  });

  it('when a move stamps a field, then stampOf names it; other moves stamp nothing', () => {
    expect(stampOf(form, 'dispatched', 'onSite')).toBe('arrivalTime');
    expect(stampOf(form, 'received', 'dispatched')).toBeUndefined();
  });
});

describe('checkForm: sections and steps', () => {
  it('when sections, steps and stamps name what exists, then there is no problem', () => {
    expect(checkForm(form)).toEqual([]);
  });

  it('when a section names a missing field or a field twice, a step an unknown state or section, a stamp a text field, then each is a problem at its place', () => {
    const bad: FormDefinition = {
      ...form,
      statusFlow: { ...form.statusFlow!, transitions: [{ from: 'received', to: 'dispatched', stamp: 'work' }] },
      sections: [
        { id: 'call', label: { 'zh-CN': '来电', en: 'Call' }, fields: ['callTime', 'missing'] },
        { id: 'call', label: { 'zh-CN': '到场', en: 'On site' }, fields: ['callTime'] },
      ],
      steps: [
        { status: 'closed', sections: ['call'] },
        { status: 'received', sections: ['nowhere'] },
        { status: 'received', sections: [] },
      ],
    };
    expect(checkForm(bad)).toEqual([
      { path: ['sections', 0, 'fields', 1], code: 'form.unknownField', params: { field: 'missing' } },
      { path: ['sections', 1, 'id'], code: 'form.duplicateSection', params: { section: 'call' } },
      { path: ['sections', 1, 'fields', 0], code: 'form.fieldInTwoSections', params: { field: 'callTime', section: 'call' } },
      { path: ['steps', 0, 'status'], code: 'form.unknownState', params: { state: 'closed' } },
      { path: ['steps', 1, 'sections', 0], code: 'form.unknownSection', params: { section: 'nowhere' } },
      { path: ['steps', 2, 'status'], code: 'form.duplicateStep', params: { state: 'received' } },
      { path: ['statusFlow', 'transitions', 0, 'stamp'], code: 'form.fieldKindExpected', params: { field: 'work', kind: 'date-time' } },
    ]);
  });
});
