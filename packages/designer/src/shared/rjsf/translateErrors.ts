import type { RJSFSchema, RJSFValidationError } from '@rjsf/utils';
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
  type: (p) => ({ integer: '必须是整数', number: '必须是数字' })[String(p.type)] ?? '类型不正确',
  enum: () => '请从选项中选择',
  uniqueItems: () => '不能有重复项',
  multipleOf: (p) => `必须是 ${String(p.multipleOf)} 的倍数`,
  const: () => '值不正确',
  additionalProperties: () => '不能有未定义的字段',
};

/**
 * The title of the field an error is about (RJSF's `property`: ".customer.name", ".parts.0.qty"),
 * from the schema rendered. RJSF finds it for `required` errors itself; for the others it needs
 * ajv's `verbose` output, which the published validate functions leave out.
 */
function labelAt(schema: RJSFSchema, property: string | undefined): string | undefined {
  let node: RJSFSchema | undefined = schema;
  for (const segment of (property ?? '').split('.').filter(Boolean)) {
    const items: unknown = node?.items;
    const next: unknown =
      /^\d+$/.test(segment) && items && typeof items === 'object' && !Array.isArray(items) ? items : node?.properties?.[segment];
    node = next && typeof next === 'object' ? next : undefined;
  }
  return node === schema ? undefined : node?.title;
}

/** RJSF's (ajv's English) messages in the user's language, each named by its field's label. */
export function translateErrors(errors: RJSFValidationError[], locale: Locale, schema: RJSFSchema): RJSFValidationError[] {
  return errors.map((error) => {
    const label = error.title || labelAt(schema, error.property);
    const translate = locale === 'zh-CN' && error.name ? ZH[error.name] : undefined;
    if (translate) {
      const message = translate((error.params ?? {}) as Record<string, unknown>);
      return { ...error, message, stack: label ? `“${label}” ${message}` : message };
    }
    // English: RJSF names the field itself when it found the title.
    return error.title || !label ? error : { ...error, title: label, stack: `'${label}' ${error.message ?? ''}` };
  });
}
