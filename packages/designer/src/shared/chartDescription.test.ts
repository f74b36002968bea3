import { describe, expect, it } from 'vitest';
import { chartDescription, MAX_PARTS } from './chartDescription';

const more = (count: number) => `另有 ${count} 项未列出`;

describe('chartDescription', () => {
  it('when a chart is read aloud, then it reads its title, then each part by name with its values by label, in Chinese punctuation', () => {
    expect(
      chartDescription(
        '每周时限达成率（按技术员）',
        [
          {
            name: '王师傅',
            values: [
              { label: '10月6日', value: '33.3%' },
              { label: '10月13日', value: '无到期' },
            ],
          },
          { name: '李师傅', values: [{ label: '10月6日', value: '100%' }] },
        ],
        'zh-CN',
        more,
      ),
    ).toBe('每周时限达成率（按技术员）。王师傅：10月6日 33.3%，10月13日 无到期；李师傅：10月6日 100%。');
  });

  it('when read in English, then it uses English punctuation', () => {
    expect(chartDescription('Fines per month', [{ name: 'Oct 2025', values: [{ label: 'Total', value: '¥180.00' }] }], 'en', more)).toBe(
      'Fines per month. Oct 2025: Total ¥180.00.',
    );
  });

  it('when a chart has more parts than a sentence should hold, then the first ones are read and the rest counted', () => {
    const parts = Array.from({ length: MAX_PARTS + 3 }, (_, i) => ({
      name: `技术员${i + 1}`,
      values: [{ label: '10月6日', value: '50%' }],
    }));
    const said = chartDescription('图', parts, 'zh-CN', more);
    expect(said).toContain(`技术员${MAX_PARTS}：`);
    expect(said).not.toContain(`技术员${MAX_PARTS + 1}：`);
    expect(said.endsWith('；另有 3 项未列出。')).toBe(true);
  });
});
