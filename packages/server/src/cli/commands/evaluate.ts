import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  compilePolicy,
  describeOutcome,
  describeRule,
  formatLocalTime,
  loadPack,
  parseJsonText,
  pickText,
  type Locale,
  type Pack,
} from '@aftersales/engine';
import { defaultPackDirs, readPackFiles } from '@aftersales/engine/node';
import type { Io } from '../Io.js';
import { CliError, unreadable } from '../CliError.js';
import { formatProblem } from './validate.js';

export interface EvaluateOptions {
  form: string;
  record: string;
  now?: string;
  status?: string;
  history?: string;
  pack?: string[];
  json?: boolean;
  locale: Locale;
}

/** `aftersales evaluate --form <id> --record <file.json>`: validates a record and prints its outcome and explanation. */
export async function evaluateCommand(options: EvaluateOptions, io: Io): Promise<number> {
  const files = await readPackFiles(options.pack?.length ? options.pack : defaultPackDirs(), io.cwd);
  const { pack, problems } = loadPack(files);
  const form = pack.forms.get(options.form);
  if (!form) {
    for (const problem of problems) io.err(formatProblem(problem, options.locale));
    const forms = [...pack.forms.keys()].join(', ');
    throw new CliError({
      'zh-CN': `政策包里没有表单“${options.form}”（现有表单：${forms}）`,
      en: `form "${options.form}" is not in the pack (forms: ${forms})`,
    });
  }
  const record = await readJson(options.record, io);
  const history = options.history ? await readJson(options.history, io) : undefined;
  const now = options.now ?? io.now().toISOString();
  if (Number.isNaN(Date.parse(now)))
    throw new CliError({ 'zh-CN': `--now “${now}”不是 ISO 时间`, en: `--now "${now}" is not an ISO time` });

  const policy = compilePolicy({
    form: form.definition,
    formVersion: 0,
    ruleSets: [...pack.ruleSets.values()]
      .filter((r) => r.definition.form === options.form)
      .map((r) => ({ definition: r.definition, version: 0 })),
    calendars: [...pack.calendars.values()].map((c) => c.definition),
  });
  const evaluation = await policy.evaluate(record, {
    now,
    ...(options.status ? { status: options.status } : {}),
    ...(history ? { history: history as Record<string, Record<string, unknown>> } : {}),
  });

  if (options.json) io.out(JSON.stringify(evaluation, null, 2));
  else printEvaluation(evaluation, pack, options.form, options.locale, io);
  return evaluation.valid ? 0 : 1;
}

async function readJson(path: string, io: Io): Promise<unknown> {
  const text = await readFile(resolve(io.cwd, path), 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw unreadable(path, error);
  });
  const parsed = parseJsonText(path, text);
  if (!parsed.ok)
    throw new CliError({
      'zh-CN': parsed.problems.map((p) => formatProblem(p, 'zh-CN')).join('\n'),
      en: parsed.problems.map((p) => formatProblem(p, 'en')).join('\n'),
    });
  return parsed.document.value;
}

function printEvaluation(
  evaluation: Awaited<ReturnType<ReturnType<typeof compilePolicy>['evaluate']>>,
  pack: Pack,
  formId: string,
  locale: Locale,
  io: Io,
): void {
  const en = locale === 'en';
  const form = pack.forms.get(formId)!.definition;
  if (!evaluation.valid) {
    io.out(en ? 'Record is not valid:' : '记录无效：');
    for (const error of evaluation.errors) io.out(`  ${error.pointer || '/'} ${pickText(error.message, locale)}`);
  }
  const roleLabels = Object.fromEntries(pack.roles?.definition.roles.map((r) => [r.id, r.label]) ?? []);
  const statusLabels = Object.fromEntries(form.statusFlow?.states.map((s) => [s.id, s.label]) ?? []);
  const calendar = pack.calendars.values().next().value?.definition.timeZone ?? 'Asia/Shanghai';
  const now = evaluation.evaluatedAt;
  const lines = describeOutcome(evaluation.outcome, { locale, timeZone: calendar, roleLabels, statusLabels, now });
  // People read local times (the year shown), never ISO.
  const at = formatLocalTime(now, locale, { timeZone: calendar });
  io.out(en ? `Outcome (${at}):` : `结果（${at}）：`);
  for (const line of lines.length > 0 ? lines : [en ? 'no rule applies' : '没有适用的规则']) io.out(`  ${line}`);
  for (const warning of evaluation.warnings) io.out(`  ! ${pickText(warning, locale)}`);
  io.out(en ? 'Explanation:' : '说明：');
  for (const rule of evaluation.explanation)
    for (const line of describeRule(rule, locale, { timeZone: calendar, now })) io.out(`  ${line}`);
}
