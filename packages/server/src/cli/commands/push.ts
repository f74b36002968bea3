import { pickText, type LocalizedText } from '@aftersales/engine';
import { readPackFiles } from '@aftersales/engine/node';
import type { Io } from '../Io.js';
import { CliError, unreadable } from '../CliError.js';
import { callApi, type Remote } from '../apiClient.js';
import { impactSummary, type ImpactSummaryInput } from './impactSummary.js';

export interface PushResult {
  valid: boolean;
  dryRun: boolean;
  problems: { file?: string; line?: number; column?: number; pointer?: string; code?: string; message: string; messageZh?: string }[];
  changes: { kind: string; id: string; from: number | null; changed: boolean; patch?: { op: string; path: string; value?: unknown }[] }[];
  impact: { recordId: string; formId: string; change: { fineTotalDelta: number; approvalsAdded: unknown[]; deadlinesMoved: unknown[] } }[];
  /** Everyone gets the counts; `impact` lists only records this caller may read. */
  impactCounts?: { records: number; hidden: number };
}

/**
 * `aftersales push <paths...> [--dry-run]` (and `diff`: a dry run that fails when anything would change).
 * Exit: 0 pushed (or no change), 1 problems (or, for diff, changes), 2 usage or connection.
 */
export async function pushCommand(
  paths: string[],
  options: Remote & { dryRun?: boolean; json?: boolean; since?: string; locale: 'zh-CN' | 'en'; mode: 'push' | 'diff' },
  io: Io,
): Promise<number> {
  const files = await readPackFiles(paths.length > 0 ? paths : ['schemas', 'rules'], io.cwd).catch((error: NodeJS.ErrnoException) => {
    throw unreadable(error.path ?? paths.join(' '), error);
  });
  if (files.length === 0) throw new CliError({ 'zh-CN': '没有找到 .json 文件', en: 'no .json files found' });
  const dryRun = options.mode === 'diff' || options.dryRun === true;
  if (options.since !== undefined && !dryRun)
    throw new CliError({
      'zh-CN': '--since 要与 --dry-run 一起用（推送之前看它的影响）',
      en: '--since goes with --dry-run (the impact of a push before it is made)',
    });
  const result = await callApi<PushResult>(options, io, 'POST', '/pack', {
    files: files.map((f) => ({ path: f.path, content: f.text })),
    dryRun,
  });
  // The impact over the stored history (POST /impact): the key needs records:read as well. Asked too when the
  // files load and only their saved test cases fail, as the dry run's own impact is: the cases may be what is out of date.
  const history =
    options.since !== undefined && (result.valid || onlySavedTestsFail(result))
      ? await callApi<ImpactSummaryInput>(options, io, 'POST', '/impact', {
          draft: { kind: 'pack', files: files.map((f) => ({ path: f.path, content: f.text })) },
          since: options.since,
        })
      : null;
  if (options.json) io.out(JSON.stringify(history ? { ...result, history } : result, null, 2));
  else {
    const zh = options.locale === 'zh-CN';
    for (const p of result.problems) {
      io.out(
        `${p.file ?? '?'}:${p.line ?? 1}:${p.column ?? 1} ${p.pointer || '/'} ${p.code ?? ''} ${zh ? (p.messageZh ?? p.message) : p.message}`,
      );
    }
    for (const c of result.changes.filter((c) => c.changed)) {
      const was: LocalizedText = c.from === null ? { 'zh-CN': '新建', en: 'new' } : { 'zh-CN': `第 ${c.from} 版 →`, en: `v${c.from} ->` };
      io.out(`${pickText(was, options.locale)} ${zh ? (KIND_ZH[c.kind] ?? c.kind) : c.kind} ${c.id}`);
      // A dry run shows the diff against the published version, one JSON Patch operation a line.
      if (dryRun)
        for (const op of c.patch ?? [])
          io.out(`  ${op.op} ${op.path || '/'}${'value' in op ? ` ${shorten(JSON.stringify(op.value))}` : ''}`);
    }
    io.err(pickText(summary(result, dryRun), options.locale));
    if (history) for (const line of impactSummary(history, options.locale)) io.out(line);
  }
  if (!result.valid) return 1;
  if (options.mode === 'diff') return result.changes.some((c) => c.changed) ? 1 : 0;
  return 0;
}

/** The codes of a saved test case that fails (the server's own, after the files loaded and checked). */
const FAILING_CASE = new Set(['test.failed', 'test.valueDiffers']);

/**
 * Whether every problem is a saved test case that fails: the files themselves load and check (a problem
 * in a case's shape, such as an unknown deadline, has a code of its own, and the pack then has no impact).
 */
function onlySavedTestsFail(result: PushResult): boolean {
  return result.problems.length > 0 && result.problems.every((p) => p.code !== undefined && FAILING_CASE.has(p.code));
}

/**
 * The closing line of a push: how many files changed (or would), and on how many recent records the
 * outcome changes (those this key may not read are only counted); or why nothing was published.
 */
function summary(result: PushResult, dryRun: boolean): LocalizedText {
  if (!result.valid)
    return {
      'zh-CN': `${result.problems.length} 个问题，没有发布任何文件`,
      en: `${result.problems.length} problems; nothing was published`,
    };
  const changed = result.changes.filter((c) => c.changed).length;
  const total = result.changes.length;
  const records = result.impactCounts?.records ?? result.impact.length;
  const zhRecords = records > 0 ? `；最近 ${records} 条记录的结果会变化` : '';
  const enRecords = records > 0 ? `; outcome changes on ${records} recent records` : '';
  return dryRun
    ? {
        'zh-CN': `试运行：${total} 个文件中有 ${changed} 个会变化${zhRecords}`,
        en: `dry run: ${changed} of ${total} files would change${enRecords}`,
      }
    : { 'zh-CN': `已发布 ${total} 个文件中的 ${changed} 个${zhRecords}`, en: `${changed} of ${total} files published${enRecords}` };
}

/** The kinds of pack file, as the designer names them. */
const KIND_ZH: Record<string, string> = { form: '表单', ruleset: '规则集', calendar: '工作日历', roles: '角色' };

const shorten = (text: string) => (text.length > 100 ? `${text.slice(0, 99)}…` : text);
