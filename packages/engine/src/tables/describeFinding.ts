import type { LocalizedText } from '../i18n/LocalizedText.js';
import type { FactCatalog } from '../rules/factCatalog.js';
import type { DecisionTable, OutputKind } from './DecisionTable.js';
import type { TableFinding } from './checkDecisionTable.js';
import type { ColumnValue } from './columnValues.js';
import { formatValue } from './cellText.js';
import { OTHER } from './TableCell.js';
import { inputLabel, outputLabel } from './tableLabels.js';

const KINDS: Record<OutputKind, LocalizedText> = {
  number: { 'zh-CN': '不小于 0 的数字', en: 'a number of 0 or more' },
  percent: { 'zh-CN': '0 到 1000 之间的百分数', en: 'a percent from 0 to 1000' },
  text: { 'zh-CN': '文字', en: 'a text' },
  role: { 'zh-CN': '已定义的角色', en: 'a defined role' },
  choice: { 'zh-CN': '可选项之一', en: 'one of the options' },
};

function valueText(
  value: ColumnValue,
  table: DecisionTable,
  column: number,
  facts: FactCatalog | undefined,
  locale: 'zh-CN' | 'en',
): string {
  const label = inputLabel(table.inputs[column]!, facts)[locale];
  if (value.value === OTHER) return `${label} ${locale === 'zh-CN' ? '为其他值' : 'is another value'}`;
  const { interval } = value;
  if (interval && interval.lo !== interval.hi) {
    if (interval.lo === undefined) return `${label} < ${interval.hi}`;
    if (interval.hi === undefined) return `${label} > ${interval.lo}`;
    return `${interval.lo} < ${label} < ${interval.hi}`;
  }
  return `${label} = ${formatValue(value.value, facts?.(table.inputs[column]!.fact), locale)}`;
}

/** A table finding in words, in both languages, naming rows by their number and columns by their label. */
export function describeFinding(finding: TableFinding, table: DecisionTable, facts?: FactCatalog): LocalizedText {
  switch (finding.code) {
    case 'table.overlap': {
      const [row, other] = [finding.row + 1, finding.other + 1];
      return table.hitPolicy === 'first'
        ? {
            'zh-CN': `第 ${row} 行与第 ${other} 行有重叠：两行都满足时以第 ${other} 行为准`,
            en: `Row ${row} overlaps row ${other}: where both match, row ${other} wins`,
          }
        : {
            'zh-CN': `第 ${other} 行与第 ${row} 行有重叠：两行都满足时两条都会生效`,
            en: `Rows ${other} and ${row} overlap: where both match, both apply`,
          };
    }
    case 'table.unreachable':
      return table.hitPolicy === 'first'
        ? {
            'zh-CN': `第 ${finding.row + 1} 行永远不会生效：前面的行已覆盖它的全部情况`,
            en: `Row ${finding.row + 1} never applies: earlier rows cover all its cases`,
          }
        : { 'zh-CN': `第 ${finding.row + 1} 行的条件不可能同时满足`, en: `Row ${finding.row + 1} can never match` };
    case 'table.gap': {
      const parts = (locale: 'zh-CN' | 'en') => finding.values.map((v) => valueText(v.value, table, v.column, facts, locale));
      return {
        'zh-CN': `没有任何一行适用于：${parts('zh-CN').join('，') || '任意记录'}`,
        en: `No row applies when ${parts('en').join(', ') || 'any record'}`,
      };
    }
    case 'table.emptyCell':
      return { 'zh-CN': `第 ${finding.row + 1} 行的区间为空`, en: `Row ${finding.row + 1} has an empty range` };
    case 'table.outputType': {
      const label = outputLabel(table, table.outputs[finding.output]!, facts);
      const kind = KINDS[finding.expected];
      return {
        'zh-CN': `第 ${finding.row + 1} 行的“${label['zh-CN']}”应为${kind['zh-CN']}`,
        en: `Row ${finding.row + 1}: '${label.en}' must be ${kind.en}`,
      };
    }
  }
}
