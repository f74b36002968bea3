import type { CalendarFile } from '../calendar/CalendarFile.js';
import { WorkingCalendar } from '../calendar/WorkingCalendar.js';
import { checkForm } from '../forms/checkForm.js';
import { checkLinks } from '../forms/checkLinks.js';
import type { FormDefinition } from '../forms/FormDefinition.js';
import type { RolesFile } from '../forms/RolesFile.js';
import { parseJsonText, type JsonDocument } from '../json/parseJsonText.js';
import { toPointer } from '../json/jsonPointer.js';
import type { JsonLimits } from '../json/limits.js';
import { kindOfSchemaRef, type PackFileKind } from '../meta/metaSchemas.js';
import type { Problem } from '../problems/Problem.js';
import { problemMessages, type ProblemCode } from '../problems/problemMessages.js';
import { checkRuleSet } from '../rules/checkRuleSet.js';
import { checkRuleTests } from '../rules/checkRuleTests.js';
import type { RuleSetFile } from '../rules/RuleSetFile.js';
import type { SemanticIssue } from '../rules/SemanticIssue.js';
import { checkMetaSchema } from './checkMetaSchema.js';
import { emptyPack, type Pack, type PackFile } from './Pack.js';

export interface LoadPackOptions {
  limits?: Partial<JsonLimits>;
  /** Definitions already published: files checked now may refer to them, and replace them by id. */
  base?: Pack;
}

export interface LoadPackResult {
  /** The files that passed every check (plus `base`). */
  pack: Pack;
  /** Every problem of every file; one bad file never hides another's. */
  problems: Problem[];
}

interface Parsed {
  document: JsonDocument;
  kind: PackFileKind;
}

/**
 * Reads pack files: strict JSON with limits, the meta-schema named in `$schema`, then the
 * semantic checks across files (rule facts against forms, calendars, roles, statuses).
 */
export function loadPack(files: readonly PackFile[], options: LoadPackOptions = {}): LoadPackResult {
  const problems: Problem[] = [];
  const parsed: Parsed[] = [];
  for (const file of files) {
    const result = parseJsonText(file.path, file.text, options.limits);
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    const { document } = result;
    const kind = kindOfSchemaRef((document.value as { $schema?: unknown } | null)?.$schema);
    if (!kind || typeof document.value !== 'object' || Array.isArray(document.value)) {
      problems.push(problemAt(document, '/$schema', 'file.unknownKind'));
      continue;
    }
    const metaIssues = checkMetaSchema(kind, document.value);
    for (const issue of metaIssues)
      problems.push({
        file: file.path,
        pointer: issue.pointer,
        ...document.locate(issue.pointer),
        code: 'meta.invalid',
        message: issue.message,
      });
    if (metaIssues.length === 0) parsed.push({ document, kind });
  }

  const candidate = indexById(parsed, options.base ?? emptyPack(), problems);
  const rejected = new Set<string>();
  const report = (document: JsonDocument, issues: SemanticIssue[]) => {
    for (const issue of issues) problems.push(problemAt(document, toPointer(issue.path), issue.code, issue.params));
    if (issues.length > 0) rejected.add(document.file);
  };

  const roleIds = candidate.roles ? new Set(candidate.roles.definition.roles.map((r) => r.id)) : undefined;
  const formDefinitions = new Map([...candidate.forms].map(([id, entry]) => [id, entry.definition]));
  for (const { document, kind } of parsed) {
    if (kind === 'form')
      report(document, [
        ...checkForm(document.value as FormDefinition, roleIds),
        ...checkLinks(document.value as FormDefinition, formDefinitions),
      ]);
    if (kind === 'calendar') report(document, checkCalendar(document.value as CalendarFile));
    if (kind === 'ruleset') {
      const context = { forms: formDefinitions, calendars: new Set(candidate.calendars.keys()), ...(roleIds ? { roles: roleIds } : {}) };
      report(document, [
        ...checkRuleSet(document.value as RuleSetFile, context),
        ...checkRuleTests(document.value as RuleSetFile, roleIds),
      ]);
    }
  }

  const pack = emptyPack();
  for (const [id, entry] of candidate.forms) if (!rejected.has(entry.file)) pack.forms.set(id, entry);
  for (const [id, entry] of candidate.ruleSets) if (!rejected.has(entry.file)) pack.ruleSets.set(id, entry);
  for (const [id, entry] of candidate.calendars) if (!rejected.has(entry.file)) pack.calendars.set(id, entry);
  if (candidate.roles && !rejected.has(candidate.roles.file)) pack.roles = candidate.roles;
  return { pack, problems };
}

function indexById(parsed: Parsed[], base: Pack, problems: Problem[]): Pack {
  const pack: Pack = {
    forms: new Map(base.forms),
    ruleSets: new Map(base.ruleSets),
    calendars: new Map(base.calendars),
    ...(base.roles ? { roles: base.roles } : {}),
  };
  const seen = new Map<string, string>();
  for (const { document, kind } of parsed) {
    const value = document.value as { id: string };
    const key = `${kind}:${value.id}`;
    const other = seen.get(key);
    if (other !== undefined) {
      problems.push(problemAt(document, '/id', 'pack.duplicateId', { id: value.id, other }));
      continue;
    }
    seen.set(key, document.file);
    const entry = { file: document.file, definition: value };
    if (kind === 'form') pack.forms.set(value.id, entry as { file: string; definition: FormDefinition });
    if (kind === 'ruleset') pack.ruleSets.set(value.id, entry as { file: string; definition: RuleSetFile });
    if (kind === 'calendar') pack.calendars.set(value.id, entry as { file: string; definition: CalendarFile });
    if (kind === 'roles') pack.roles = entry as { file: string; definition: RolesFile };
  }
  return pack;
}

function checkCalendar(file: CalendarFile): SemanticIssue[] {
  try {
    WorkingCalendar.fromFile(file);
    return [];
  } catch (error) {
    return [{ path: [], code: 'calendar.invalid', params: { detail: error instanceof Error ? error.message : String(error) } }];
  }
}

function problemAt(document: JsonDocument, pointer: string, code: ProblemCode, params: Record<string, string | number> = {}): Problem {
  return { file: document.file, pointer, ...document.locate(pointer), code, message: problemMessages[code](params) };
}
