import type { RJSFValidationError } from '@rjsf/utils';
import type { Locale } from '@aftersales/engine';

const ZH: Record<string, (params: Record<string, unknown>) => string> = {
  required: () => '必填',
  minimum: (p) => `不能小于 ${String(p.limit)}`,
  maximum: (p) => `不能大于 ${String(p.limit)}`,
  exclusiveMinimum: (p) => `必须大于 ${String(p.limit)}`,
  exclusiveMaximum: (p) => `必须小于 ${String(p.limit)}`,
  minLength: (p) => `至少 ${String(p.limit)} 个字符`,
  maxLength: (p) => `最多 ${String(p.limit)} 个字符`,
  minItems: (p) => `至少 ${String(p.limit)} 项`,
  maxItems: (p) => `最多 ${String(p.limit)} 项`,
  pattern: () => '格式不正确',
  format: (p) => `格式不正确（${String(p.format)}）`,
  type: () => '类型不正确',
  enum: () => '请从选项中选择',
  uniqueItems: () => '不能有重复项',
};

/** RJSF's (ajv's English) messages in the user's language; English stays as ajv says it. */
export function translateErrors(errors: RJSFValidationError[], locale: Locale): RJSFValidationError[] {
  if (locale !== 'zh-CN') return errors;
  return errors.map((error) => {
    const translate = error.name ? ZH[error.name] : undefined;
    if (!translate) return error;
    const message = translate((error.params ?? {}) as Record<string, unknown>);
    const label = error.stack.includes("'") ? error.stack.split("'")[1] : undefined;
    return { ...error, message, stack: label ? `“${label}” ${message}` : message };
  });
}
