import { describe, expect, it } from 'vitest';
import { codeAfterRename } from './followsLabel';

describe('codes that follow their labels', () => {
  it('when a status made from its label is renamed, then its code is made from the new label', () => {
    expect(codeAfterRename('zhuangTai3', '状态3', '待回访', 'camel', ['open', 'zhuangTai3'], 'state')).toBe('daiHuiFang');
  });

  it('when the code was typed under "advanced" (or is a pack code), then a rename keeps it', () => {
    expect(codeAfterRename('open', '处理中', '跟进中', 'camel', ['open'], 'state')).toBe('open');
    expect(codeAfterRename('arrival-late', '到场超时', '到场太晚', 'kebab', [], 'rule')).toBe('arrival-late');
  });

  it('when the new label is taken by a sibling, then the code gets a number; an empty label keeps the code', () => {
    expect(codeAfterRename('gui-ze-2', '规则 2', '超时罚款', 'kebab', ['chao-shi-fa-kuan', 'gui-ze-2'], 'rule')).toBe('chao-shi-fa-kuan-2');
    expect(codeAfterRename('gui-ze-2', '规则 2', '  ', 'kebab', [], 'rule')).toBe('gui-ze-2');
  });
});
