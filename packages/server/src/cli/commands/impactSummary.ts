import type { ImpactAnswer, ImpactCounts, Static } from '@aftersales/contract';
/** What `push --dry-run --since` prints of an impact answer (POST /impact), in words: the contract's answer. */
export type ImpactSummaryInput = Pick<
  Static<typeof ImpactAnswer>,
  'window' | 'checked' | 'changed' | 'totals' | 'byPerson' | 'byRule' | 'records'
>;

type Counts = Static<typeof ImpactCounts>;

const n = (value: number) => value.toLocaleString('en-US');

/** The figures of one slice in words. */
function figures(c: Counts, zh: boolean): string {
  const parts = zh
    ? [
        `${n(c.becameLate)} 项时限变为超时`,
        `${n(c.becameOnTime)} 项变为按时`,
        `罚款增加 ${n(c.finesAddedAmount)} 元（${n(c.finesAdded)} 笔）、减少 ${n(c.finesRemovedAmount)} 元（${n(c.finesRemoved)} 笔）`,
        `新增审批 ${n(c.approvalsAdded)} 项`,
        `新增阻止 ${n(c.blocksAdded)} 项`,
      ]
    : [
        `${n(c.becameLate)} deadlines now late`,
        `${n(c.becameOnTime)} now on time`,
        `fines +${n(c.finesAddedAmount)} yuan (${n(c.finesAdded)}) and -${n(c.finesRemovedAmount)} yuan (${n(c.finesRemoved)})`,
        `${n(c.approvalsAdded)} approvals newly required`,
        `${n(c.blocksAdded)} new blocks`,
      ];
  return parts.join(zh ? '，' : ', ');
}

/** A few lines: the window and totals, the people and rules most affected, the newest changed records by title. */
export function impactSummary(answer: ImpactSummaryInput, locale: 'zh-CN' | 'en', top = 5): string[] {
  const zh = locale === 'zh-CN';
  const days = answer.window.from ? Math.round((Date.parse(answer.window.to) - Date.parse(answer.window.from)) / 86_400_000) : null;
  const window = zh
    ? days === null
      ? '全部历史记录'
      : `最近 ${n(days)} 天的记录`
    : days === null
      ? 'all stored records'
      : `records of the last ${n(days)} days`;
  const lines = [
    zh
      ? `影响（${window}）：检查 ${n(answer.checked)} 条，${n(answer.changed)} 条会变化；${figures(answer.totals, true)}`
      : `impact on ${window}: ${n(answer.checked)} checked, ${n(answer.changed)} would change; ${figures(answer.totals, false)}`,
  ];
  if (answer.byPerson.length > 0) lines.push(zh ? '受影响最多的人员：' : 'people most affected:');
  for (const p of answer.byPerson.slice(0, top)) {
    const role = p.roleLabel ? (zh ? `（${p.roleLabel['zh-CN']}）` : ` (${p.roleLabel.en})`) : '';
    lines.push(`  ${p.person}${role}: ${figures(p, zh)}`);
  }
  if (answer.byRule.length > 0) lines.push(zh ? '按规则：' : 'by rule:');
  for (const r of answer.byRule.slice(0, top))
    lines.push(`  ${r.title[locale]}: ${zh ? `${n(r.records)} 条记录，` : `${n(r.records)} records, `}${figures(r, zh)}`);
  if (answer.records.length > 0) lines.push(zh ? '最近变化的记录：' : 'newest changed records:');
  for (const record of answer.records.slice(0, top)) lines.push(`  ${record.title[locale]}`);
  return lines;
}
