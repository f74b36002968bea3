import {
  compilePolicy,
  emptyPack,
  loadPack,
  describeDifference,
  PolicyCompileError,
  runRuleTests,
  type CalendarFile,
  type LocalizedText,
  type RuleTestResult,
  type FormDefinition,
  type LoadPackResult,
  type Pack,
  type PackFile,
  type Policy,
  type Problem,
  type RolesFile,
  type RuleSetFile,
} from '@aftersales/engine';
import { rollbackNote } from '@aftersales/contract';
import type { ErrorDetail } from '../errors/AppError.js';
import { domainDetail } from '../errors/domainDetail.js';
import { DomainError } from '../errors/DomainError.js';
import type { DocumentKind, DocumentState } from '../store/types.js';
import type { Clock } from './Clock.js';
import { contentHash } from './contentHash.js';
import { createPatch, type Operation } from 'rfc6902';
import type { DefinitionsRepository } from '../store/ports/DefinitionsRepository.js';

/** The repositories this service uses (services take only the ports they use; see store/ports/). */
type StorePorts = DefinitionsRepository;

const META: Record<DocumentKind, string> = {
  form: 'schemas/meta/form.schema.json',
  ruleset: 'schemas/meta/ruleset.schema.json',
  calendar: 'schemas/meta/calendar.schema.json',
  roles: 'schemas/meta/roles.schema.json',
};

const KIND_OF_FILE: Record<string, DocumentKind> = { form: 'form', ruleset: 'ruleset', calendar: 'calendar', roles: 'roles' };

/** The form version and rule-set versions a record is evaluated with. */
export interface Pins {
  formVersion: number;
  ruleSetVersions: Record<string, number>;
}

export interface PackChange {
  kind: DocumentKind;
  id: string;
  /** Published version before the push (null: new). */
  from: number | null;
  changed: boolean;
  /** The change from the published version as an RFC 6902 JSON Patch (absent for a new document). */
  patch?: Operation[];
}

/** Forms, rule sets, calendars and roles: drafts, immutable versions, checks by the engine, compiled policies. */
export class DefinitionService {
  private pack: Pack | null = null;
  private generation = -1;
  private readonly pins = new Map<string, Pins>();
  private readonly policies = new Map<string, Policy>();

  constructor(
    private readonly store: StorePorts,
    private readonly clock: Clock,
  ) {}

  /** The latest published version of everything, as an engine pack (cached until the next publish). */
  async publishedPack(): Promise<Pack> {
    await this.refresh();
    if (this.pack) return this.pack;
    const pack = emptyPack();
    for (const kind of ['form', 'ruleset', 'calendar', 'roles'] as const) {
      for (const doc of await this.store.listDocuments(kind)) {
        if (!doc.published) continue;
        const entry = { file: `${kind}:${doc.id}`, definition: doc.published.definition };
        if (kind === 'form') pack.forms.set(doc.id, entry as { file: string; definition: FormDefinition });
        if (kind === 'ruleset' && !doc.archived) pack.ruleSets.set(doc.id, entry as { file: string; definition: RuleSetFile });
        if (kind === 'calendar') pack.calendars.set(doc.id, entry as { file: string; definition: CalendarFile });
        if (kind === 'roles') pack.roles = entry as { file: string; definition: RolesFile };
      }
    }
    this.pack = pack;
    return pack;
  }

  /** Checks files against the published pack (they may refer to it and replace parts of it). */
  async check(files: PackFile[]): Promise<LoadPackResult> {
    return loadPack(files, { base: await this.publishedPack() });
  }

  list(kind: DocumentKind): Promise<DocumentState[]> {
    return this.store.listDocuments(kind);
  }

  async get(kind: DocumentKind, id: string): Promise<DocumentState> {
    const doc = await this.store.getDocument(kind, id);
    if (!doc) throw new DomainError('definition.notFound', { kind, id });
    return doc;
  }

  /** A new document starts as a draft; its id comes from the definition. */
  async create(kind: DocumentKind, definition: unknown, actor: string): Promise<{ id: string; problems: Problem[] }> {
    const id = idOf(definition);
    if (await this.store.getDocument(kind, id)) throw new DomainError('definition.exists', { kind, id });
    return this.saveDraft(kind, id, definition, actor);
  }

  /** Saves a draft (problems are returned, not refused: a draft may be work in progress). */
  async saveDraft(kind: DocumentKind, id: string, definition: unknown, actor: string): Promise<{ id: string; problems: Problem[] }> {
    if (idOf(definition) !== id)
      throw new DomainError('definition.idMismatch', { id }, { details: [domainDetail('/definition/id', 'detail.mustBe', { value: id })] });
    await this.store.saveDraft(kind, id, definition, actor, this.clock().toISOString());
    const { problems } = await this.check([fileOf(kind, definition)]);
    return { id, problems };
  }

  async discardDraft(kind: DocumentKind, id: string, actor: string): Promise<void> {
    if (!(await this.store.discardDraft(kind, id, actor, this.clock().toISOString())))
      throw new DomainError('definition.noDraft', { kind, id });
  }

  async archive(kind: DocumentKind, id: string, archived: boolean, actor: string): Promise<void> {
    if (!(await this.store.setArchived(kind, id, archived, actor, this.clock().toISOString())))
      throw new DomainError('definition.notFound', { kind, id });
    this.invalidate();
  }

  /** Publishes the draft after the engine's checks and, for a rule set, its saved test cases. */
  async publish(kind: DocumentKind, id: string, actor: string, note?: string): Promise<{ version: number; created: boolean }> {
    const doc = await this.get(kind, id);
    if (!doc.draft) throw new DomainError('definition.noDraftToPublish', { kind, id });
    return this.publishDefinition(kind, id, doc.draft.definition, actor, note, true);
  }

  /** Publishes an old version again as a new version. */
  async rollback(kind: DocumentKind, id: string, version: number, actor: string): Promise<{ version: number; created: boolean }> {
    const old = await this.store.getVersion(kind, id, version);
    if (!old) throw new DomainError('definition.noVersion', { kind, id, version });
    return this.publishDefinition(kind, id, old.definition, actor, rollbackNote(version), false);
  }

  /**
   * Publishes whole files (integrators' push, first start): forms and rules checked together by the
   * engine, all or nothing. With `dryRun`, nothing is written.
   */
  async pushFiles(
    files: PackFile[],
    actor: string,
    options: { dryRun: boolean; note?: string },
  ): Promise<{ problems: Problem[]; failedTests: ErrorDetail[]; changes: PackChange[] }> {
    const { problems, pack } = await this.check(files);
    const changes: PackChange[] = [];
    const items: Parameters<DefinitionsRepository['publish']>[0] = [];
    if (problems.length > 0) return { problems, failedTests: [], changes };
    // Each file read once, with its kind (a file of no known kind is left out, as the pack check leaves it).
    const documents = files.flatMap((file) => {
      const definition = JSON.parse(file.text) as { id: string; $schema?: string };
      const kind = KIND_OF_FILE[/(form|ruleset|calendar|roles)(\.schema\.json)?$/.exec(definition.$schema ?? '')?.[1] ?? ''];
      return kind ? [{ file, kind, definition }] : [];
    });
    // The pushed rule sets' saved test cases, against the pack as it would be: a failing case refuses the push, as it refuses a publish.
    const failedTests: ErrorDetail[] = [];
    for (const { file, kind, definition } of documents) {
      if (kind !== 'ruleset') continue;
      const { details } = await savedTestsFailing(definition as RuleSetFile, pack);
      failedTests.push(...details.map((detail) => ({ file: file.path, ...detail })));
    }
    if (failedTests.length > 0) return { problems, failedTests, changes };
    for (const { kind, definition } of documents) {
      const current = await this.store.getDocument(kind, definition.id);
      const hash = contentHash(definition);
      const published = current?.published;
      changes.push({
        kind,
        id: definition.id,
        from: published?.version ?? null,
        changed: published?.hash !== hash,
        ...(published ? { patch: createPatch(published.definition, definition) } : {}),
      });
      items.push({ kind, id: definition.id, definition, hash, clearDraft: false, ...(options.note ? { note: options.note } : {}) });
    }
    if (!options.dryRun) await this.store.publish(items, actor, this.clock().toISOString());
    this.invalidate();
    return { problems, failedTests, changes };
  }

  /** The current pins of a form: its latest version and the latest version of each of its rule sets. */
  async currentPins(formId: string): Promise<Pins> {
    await this.refresh();
    const cached = this.pins.get(formId);
    if (cached) return cached;
    const pack = await this.publishedPack();
    const form = await this.store.getDocument('form', formId);
    if (!form?.published || !pack.forms.has(formId)) throw new DomainError('form.notPublished', { form: formId });
    const ruleSetVersions: Record<string, number> = {};
    for (const doc of await this.store.listDocuments('ruleset')) {
      if (doc.form === formId && doc.published && !doc.archived) ruleSetVersions[doc.id] = doc.published.version;
    }
    const pins = { formVersion: form.published.version, ruleSetVersions };
    this.pins.set(formId, pins);
    return pins;
  }

  /** The compiled policy for a form at given pins (cached): old records keep their versions. */
  async policyFor(formId: string, pins: Pins): Promise<Policy> {
    const key = `${formId}@${pins.formVersion}|${Object.entries(pins.ruleSetVersions)
      .sort()
      .map(([id, v]) => `${id}@${v}`)
      .join(',')}`;
    const cached = this.policies.get(key);
    if (cached) return cached;
    const form = await this.store.getVersion('form', formId, pins.formVersion);
    if (!form) throw new DomainError('definition.noVersion', { kind: 'form', id: formId, version: pins.formVersion });
    const ruleSets = [];
    for (const [id, version] of Object.entries(pins.ruleSetVersions)) {
      const rules = await this.store.getVersion('ruleset', id, version);
      if (rules) ruleSets.push({ definition: rules.definition as RuleSetFile, version });
    }
    const pack = await this.publishedPack();
    let policy: Policy;
    try {
      policy = compilePolicy({
        form: form.definition as FormDefinition,
        formVersion: pins.formVersion,
        ruleSets,
        calendars: [...pack.calendars.values()].map((c) => c.definition),
      });
    } catch (error) {
      throw storedPolicyError(formId, pins.formVersion, error);
    }
    if (this.policies.size > 200) this.policies.clear();
    this.policies.set(key, policy);
    return policy;
  }

  private async publishDefinition(
    kind: DocumentKind,
    id: string,
    definition: unknown,
    actor: string,
    note: string | undefined,
    clearDraft: boolean,
  ) {
    const { problems } = await this.check([fileOf(kind, definition)]);
    if (problems.length > 0)
      throw new DomainError('definition.problems', { kind, id, count: problems.length }, { details: problems.map(toDetail) });
    if (kind === 'ruleset') await this.runSavedTests(definition as RuleSetFile);
    const [result] = await this.store.publish(
      [{ kind, id, definition, hash: contentHash(definition), clearDraft, ...(note ? { note } : {}) }],
      actor,
      this.clock().toISOString(),
    );
    this.invalidate();
    return { version: result!.version, created: result!.created };
  }

  /** Saved test cases run before publish; a failing case blocks it. */
  private async runSavedTests(ruleSet: RuleSetFile): Promise<void> {
    const { failed, details } = await savedTestsFailing(ruleSet, await this.publishedPack());
    if (failed > 0) throw new DomainError('definition.testsFail', { count: failed }, { details });
  }

  /** Drops the caches when published content changed, here or on another instance sharing the store. */
  private async refresh(): Promise<void> {
    const generation = await this.store.definitionsGeneration();
    if (generation !== this.generation) {
      this.invalidate();
      this.generation = generation;
    }
  }

  /** Called whenever published definitions changed (here or, seen on the next read, on another instance). */
  onChange: (() => void) | null = null;

  private invalidate(): void {
    this.pack = null;
    this.pins.clear();
    this.onChange?.();
  }
}

/**
 * A rule set's saved test cases run against a pack (its form and calendars): how many fail, and the
 * details of each failure. None when the rule set has no cases or the pack lacks its form.
 */
async function savedTestsFailing(ruleSet: RuleSetFile, pack: Pack): Promise<{ failed: number; details: ErrorDetail[] }> {
  const form = pack.forms.get(ruleSet.form);
  if (!ruleSet.tests?.length || !form) return { failed: 0, details: [] };
  const calendars = [...pack.calendars.values()].map((c) => c.definition);
  const policy = compilePolicy({ form: form.definition, formVersion: 0, ruleSets: [{ definition: ruleSet, version: 0 }], calendars });
  const results = await runRuleTests(policy, ruleSet.id, ruleSet.tests, { calendars });
  const failed = results.flatMap((result, index) => (result.passed ? [] : [{ result, index }]));
  const roles = new Map(pack.roles?.definition.roles.map((r) => [r.id, r.label]));
  const roleLabel = (role: string) => roles.get(role) ?? { 'zh-CN': role, en: role };
  return {
    failed: failed.length,
    details: failed.flatMap(({ result, index }) => savedTestFailures(result, `/tests/${index}`, ruleSet, roleLabel)),
  };
}

/**
 * The details of one failing saved test case, named in each language: which rules did not fire as
 * expected (by their titles; a rule no longer in the set by its name), and each value that differs
 * (expected vs actual).
 */
function savedTestFailures(
  result: RuleTestResult,
  pointer: string,
  ruleSet: RuleSetFile,
  roleLabel: (role: string) => LocalizedText,
): ErrorDetail[] {
  const name = { nameZh: result.name['zh-CN'], nameEn: result.name.en };
  const titles = (rules: readonly string[], locale: 'zh-CN' | 'en') =>
    rules.map((rule) => ruleSet.rules.find((r) => r.name === rule)?.title[locale] ?? rule).join(locale === 'en' ? ', ' : '、') || '-';
  const details: ErrorDetail[] = [];
  if (result.invalid) details.push(domainDetail(pointer, 'test.invalidSample', name, 'test.failed'));
  if (result.missing.length > 0 || result.unexpected.length > 0)
    details.push(
      domainDetail(
        pointer,
        'test.firing',
        {
          ...name,
          missingEn: titles(result.missing, 'en'),
          unexpectedEn: titles(result.unexpected, 'en'),
          missingZh: titles(result.missing, 'zh-CN'),
          unexpectedZh: titles(result.unexpected, 'zh-CN'),
        },
        'test.failed',
      ),
    );
  for (const difference of result.differences) {
    const text = describeDifference(difference, roleLabel);
    details.push(domainDetail(`${pointer}/expect`, 'test.valueDiffers', { ...name, en: text.en, zh: text['zh-CN'] }));
  }
  return details;
}

export function fileOf(kind: DocumentKind, definition: unknown): PackFile {
  const value =
    definition && typeof definition === 'object' && !('$schema' in definition) ? { $schema: META[kind], ...definition } : definition;
  return { path: `${kind}:${idOf(definition)}`, text: JSON.stringify(value, null, 2) };
}

function idOf(definition: unknown): string {
  const id = definition && typeof definition === 'object' ? (definition as { id?: unknown }).id : undefined;
  if (typeof id !== 'string' || id === '')
    throw new DomainError('definition.idRequired', {}, { details: [domainDetail('/definition/id', 'detail.required', {})] });
  return id;
}

/**
 * A version published before a check existed may no longer compile (a pattern the linear engine
 * refuses, published before patterns were checked): its records are refused with a 422 that says
 * so, never a 500; publishing a corrected version mends it.
 */
function storedPolicyError(formId: string, version: number, error: unknown): unknown {
  if (!(error instanceof PolicyCompileError)) return error;
  return new DomainError('form.versionCannotValidate', { form: formId, version, detail: error.message });
}

export function toDetail(problem: Problem) {
  return {
    file: problem.file,
    pointer: problem.pointer,
    ...(problem.line ? { line: problem.line } : {}),
    ...(problem.column ? { column: problem.column } : {}),
    code: problem.code,
    message: problem.message.en,
    messageZh: problem.message['zh-CN'],
  };
}
