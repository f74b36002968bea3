import { describe, expect, it } from 'vitest';
import { loadPack } from '../pack/loadPack.js';
import { samplePackFiles, sampleRuleSet } from '../testing/samplePack.js';

describe('a deadline whose completion field the form lacks', () => {
  it('when a deadline is met by a field that is not on the form, then the check names the missing field in both languages', () => {
    const rules = structuredClone(sampleRuleSet);
    const event = rules.rules[0]!.event;
    if (event.type !== 'deadline') throw new Error('the sample rule is a deadline');
    event.params.metBy = 'completedAt';
    const problems = loadPack(samplePackFiles({ rules })).problems;
    expect(problems.map((p) => [p.pointer, p.code])).toEqual([['/rules/0/event/params/metBy', 'rules.missingCompletionField']]);
    expect(problems[0]!.message['zh-CN']).toBe('时限的“完成时间”字段“completedAt”不在表单中：请在表单里添加这个日期时间字段');
  });
});
