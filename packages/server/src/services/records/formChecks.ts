import { checkDates, computeFields, type FormDefinition } from '@aftersales/engine';
import { DomainError } from '../../errors/DomainError.js';

/**
 * What a form declares beside its JSON Schema, on a record being written: computed fields are
 * recomputed (a posted value the formula contradicts is refused: a client cannot post a wrong
 * total) and dates are checked against the clock and each other. Refusals are 400s with a pointer
 * per field and the engine's words in both languages, like the schema's own checks.
 */
export function withFormChecks(form: FormDefinition, data: unknown, at: { now: Date; timeZone: string }): unknown {
  const computed = computeFields(form, data);
  const problems = [
    ...computed.mismatches.map((m) => ({
      pointer: `/data${m.pointer}`,
      code: 'computed',
      message: m.message.en,
      messageZh: m.message['zh-CN'],
    })),
    ...checkDates(form, computed.data, at).map((p) => ({
      pointer: `/data${p.pointer}`,
      code: p.code,
      message: p.message.en,
      messageZh: p.message['zh-CN'],
    })),
  ];
  if (problems.length > 0) throw new DomainError('record.invalid', {}, { details: problems });
  return computed.data;
}
