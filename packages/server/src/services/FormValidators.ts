import { localizeForm, recordValidatorModule, type FormDefinition, type Locale } from '@aftersales/engine';
import schemaParser from '@rjsf/utils/lib/parser/schemaParser.js';
import type { RJSFSchema } from '@rjsf/utils';
import { DomainError } from '../errors/DomainError.js';
import type { Repositories } from '../store/Store.js';

/** Generated modules kept in memory: a few forms in two languages, well under a megabyte each. */
const CACHE_SIZE = 64;

/** The module for a form definition in a language (see FormValidators). */
export function validatorModuleOf(form: FormDefinition, locale: Locale): string {
  return recordValidatorModule(schemaParser(localizeForm(form, locale).schema as RJSFSchema));
}

/**
 * The browser's validators of published form versions: for the schema the staff app renders
 * (the version localised, as `localizeForm` gives it to RJSF), an ES module of validate functions
 * keyed the way RJSF's precompiled validator looks them up (the root schema and every sub-schema
 * RJSF may test a value against, found by RJSF's own `schemaParser`). Published versions never
 * change, so each module is made once per version and language. Keep `@rjsf/utils` at the
 * designer's version: the keys are its schema hashes.
 */
export class FormValidators {
  private readonly cache = new Map<string, string>();

  constructor(private readonly store: Pick<Repositories, 'definitions'>) {}

  async module(formId: string, version: number, locale: Locale): Promise<string> {
    const key = JSON.stringify([formId, version, locale]);
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const found = await this.store.definitions.getVersion('form', formId, version);
    if (!found) throw new DomainError('definition.noVersion', { kind: 'form', id: formId, version });
    let code: string;
    try {
      code = validatorModuleOf(found.definition as FormDefinition, locale);
    } catch (error) {
      // A version published before patterns were checked may hold one the linear engine refuses.
      const message = error instanceof Error ? error.message : String(error);
      throw new DomainError('form.cannotValidate', { form: formId, version, detail: message });
    }
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, code);
    return code;
  }
}
