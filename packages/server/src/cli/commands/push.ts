import { readPackFiles } from '@aftersales/engine/node';
import type { Io } from '../Io.js';
import { CliError } from '../CliError.js';
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
    throw new CliError(`cannot read ${error.path ?? paths.join(' ')}: ${error.code ?? error.message}`);
  });
  if (files.length === 0) throw new CliError('no .json files found');
  const dryRun = options.mode === 'diff' || options.dryRun === true;
  if (options.since !== undefined && !dryRun) throw new CliError('--since goes with --dry-run (the impact of a push before it is made)');
  const result = await callApi<PushResult>(options, io, 'POST', '/pack', {
    files: files.map((f) => ({ path: f.path, content: f.text })),
    dryRun,
  });
  // The impact over the stored history (POST /impact): the key needs records:read as well.
  const history =
    options.since !== undefined && result.valid
      ? await callApi<ImpactSummaryInput>(options, io, 'POST', '/impact', {
          draft: { kind: 'pack', files: files.map((f) => ({ path: f.path, content: f.text })) },
          since: options.since,
        })
      : null;
  if (options.json) io.out(JSON.stringify(history ? { ...result, history } : result, null, 2));
  else {
    for (const p of result.problems) {
      io.out(
        `${p.file ?? '?'}:${p.line ?? 1}:${p.column ?? 1} ${p.pointer || '/'} ${p.code ?? ''} ${options.locale === 'zh-CN' ? (p.messageZh ?? p.message) : p.message}`,
      );
    }
    for (const c of result.changes.filter((c) => c.changed)) {
      io.out(`${c.from === null ? 'new' : `v${c.from} ->`} ${c.kind} ${c.id}`);
      // A dry run shows the diff against the published version, one JSON Patch operation a line.
      if (dryRun)
        for (const op of c.patch ?? [])
          io.out(`  ${op.op} ${op.path || '/'}${'value' in op ? ` ${shorten(JSON.stringify(op.value))}` : ''}`);
    }
    const changed = result.changes.filter((c) => c.changed).length;
    if (result.valid) {
      io.err(
        `${dryRun ? 'dry run: ' : ''}${changed} of ${result.changes.length} files ${dryRun ? 'would change' : 'published'}${impactText(result)}`,
      );
    } else io.err(`${result.problems.length} problems; nothing was published`);
    if (history) for (const line of impactSummary(history, options.locale)) io.out(line);
  }
  if (!result.valid) return 1;
  if (options.mode === 'diff') return result.changes.some((c) => c.changed) ? 1 : 0;
  return 0;
}

/** How many recent records would change (those this key may not read are only counted). */
function impactText(result: PushResult): string {
  const records = result.impactCounts?.records ?? result.impact.length;
  return records > 0 ? `; outcome changes on ${records} recent records` : '';
}

const shorten = (text: string) => (text.length > 100 ? `${text.slice(0, 99)}…` : text);
