import { _, str, type CodeKeywordDefinition, type KeywordCxt } from 'ajv';

/**
 * `multipleOf` for amounts typed in decimals. In binary floating point 19.99 / 0.01 is
 * 1998.9999999999998, so ajv's exact check refuses 19.99 yuan for `"multipleOf": 0.01`. This
 * check accepts a quotient within rounding error of an integer (1e-12 of its size, far above
 * float error and far below any real fraction) and refuses an infinite one, as the draft's
 * test suite asks. The keyword, params and message stay ajv's own.
 */
export const multipleOfKeyword: CodeKeywordDefinition = {
  keyword: 'multipleOf',
  type: 'number',
  schemaType: 'number',
  $data: true,
  error: {
    message: ({ schemaCode }) => str`must be multiple of ${schemaCode}`,
    params: ({ schemaCode }) => _`{multipleOf: ${schemaCode}}`,
  },
  code(cxt: KeywordCxt) {
    const { gen, data, schemaCode } = cxt;
    const q = gen.let('q');
    const offInteger = _`Math.abs(Math.round(${q}) - ${q}) > 1e-12 * Math.max(1, Math.abs(${q}))`;
    cxt.fail$data(_`(${schemaCode} === 0 || (${q} = ${data}/${schemaCode}, !isFinite(${q}) || ${offInteger}))`);
  },
};
