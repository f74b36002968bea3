import { describe, expect, it } from 'vitest';
import { explainConditions } from './explainConditions.js';
import { describeConditionTree } from './describeCondition.js';

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const facts = (name: string) => (name === 'zone' ? { label: t('区域', 'Zone') } : undefined);
const shared = { isUrban: { all: [{ fact: 'zone', operator: 'equal', value: 'urban' }] } };

describe('explainConditions', () => {
  it('when a rule refers to a named shared condition, then the group carries its code and its title', () => {
    const evaluated = { all: [{ all: [{ factResult: 'urban', result: true }], result: true }], result: true };
    const tree = explainConditions({ all: [{ condition: 'isUrban' }] }, evaluated, facts as never, shared, {
      isUrban: t('市区来电', 'Urban call'),
    });
    const group = tree.kind === 'all' ? tree.children[0] : undefined;
    expect(group).toMatchObject({ kind: 'all', reference: 'isUrban', referenceTitle: t('市区来电', 'Urban call'), result: true });
    expect(describeConditionTree(tree, 'zh-CN')[1]).toBe('  市区来电 成立 ✓：以下条件全部满足');
  });

  it('when the shared condition has no title, then the group carries only its code', () => {
    const tree = explainConditions({ all: [{ condition: 'isUrban' }] }, undefined, facts as never, shared);
    const group = tree.kind === 'all' ? tree.children[0] : undefined;
    expect(group).not.toHaveProperty('referenceTitle');
  });

  it('when a condition reads a person field, then its leaf says so (its value is a user name, read by display name)', () => {
    const people = (name: string) => (name === 'technician' ? { label: t('技术员', 'Technician'), kind: 'person' } : facts(name));
    const evaluated = {
      all: [
        { factResult: 'zhouzhiqiang', result: true },
        { factResult: 'urban', result: true },
      ],
      result: true,
    };
    const tree = explainConditions(
      {
        all: [
          { fact: 'technician', operator: 'isFilled', value: true },
          { fact: 'zone', operator: 'equal', value: 'urban' },
        ],
      },
      evaluated,
      people as never,
      shared,
    );
    const [technician, zone] = tree.kind === 'all' ? tree.children : [];
    expect(technician).toMatchObject({ kind: 'fact', fact: 'technician', person: true });
    expect(zone).not.toHaveProperty('person');
  });
});
