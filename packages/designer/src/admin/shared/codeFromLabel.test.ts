import { describe, expect, it } from 'vitest';
import { codeFromLabel } from './codeFromLabel';

describe('codeFromLabel', () => {
  it('when a label is Chinese, then the code is its pinyin, camel or kebab', () => {
    expect(codeFromLabel('来电时间', 'camel')).toBe('laiDianShiJian');
    expect(codeFromLabel('车辆维修申请', 'kebab')).toBe('che-liang-wei-xiu-shen-qing');
    expect(codeFromLabel('绿色', 'camel')).toBe('lvSe');
  });

  it('when a label mixes letters, digits and signs, then they are kept as words and the code starts with a letter', () => {
    expect(codeFromLabel('VIP 客户', 'camel')).toBe('vipKeHu');
    expect(codeFromLabel('2号仓库', 'camel', [], 'field')).toBe('field2HaoCangKu');
    expect(codeFromLabel('！！', 'kebab', [], 'form')).toBe('form');
  });

  it('when the code is taken, then a number makes it unique; long labels are cut to 40 characters', () => {
    expect(codeFromLabel('来电时间', 'camel', ['laiDianShiJian'])).toBe('laiDianShiJian2');
    expect(codeFromLabel('来电时间', 'camel', ['laiDianShiJian', 'laiDianShiJian2'])).toBe('laiDianShiJian3');
    expect(codeFromLabel('维修'.repeat(30), 'camel').length).toBeLessThanOrEqual(40);
    expect(codeFromLabel('维修'.repeat(30), 'kebab')).toMatch(/^[a-z][a-z0-9-]*[a-z0-9]$/);
  });
});
