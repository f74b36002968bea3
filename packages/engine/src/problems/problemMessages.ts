import type { LocalizedText } from '../i18n/LocalizedText.js';

type Params = Record<string, string | number>;

const t = (zh: string, en: string) => (p: Params) => ({
  'zh-CN': fill(zh, p),
  en: fill(en, p),
});

function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? ''));
}

/** The operations of a formula in words (zh-CN, en), for problems about their inputs. */
const EXPR_OPERATION_WORDS: Record<string, [string, string]> = {
  add: ['相加', 'add'],
  sub: ['相减', 'subtract'],
  mul: ['相乘', 'multiply'],
  div: ['相除', 'divide'],
  min: ['较小值', 'min'],
  max: ['较大值', 'max'],
  round: ['四舍五入', 'round'],
  ceil: ['向上取整', 'round up'],
  floor: ['向下取整', 'round down'],
  addDays: ['日期加天数', 'add days'],
  addMonths: ['日期加月数', 'add months'],
  addYears: ['日期加年数', 'add years'],
  daysBetween: ['相隔天数', 'days between'],
  workingDaysBetween: ['相隔工作日', 'working days between'],
  if: ['条件取值', 'if'],
};

/** Every problem code with its message in both languages; `{name}` is filled from the params. */
export const problemMessages = {
  'json.syntax': t('JSON 语法错误：{detail}', 'JSON syntax error: {detail}'),
  'json.tooLarge': t('文件过大：{size} 字节，上限 {limit} 字节', 'File too large: {size} bytes, limit {limit} bytes'),
  'json.tooDeep': t('嵌套过深：超过 {limit} 层', 'Nested too deep: more than {limit} levels'),
  'json.tooManyNodes': t('内容过多：超过 {limit} 个值', 'Too much content: more than {limit} values'),
  'json.forbiddenKey': t('不允许的键名“{key}”', 'Forbidden key "{key}"'),
  'file.unknownKind': t(
    '无法识别文件类型：$schema 须指向 form、ruleset、calendar 或 roles 元模式',
    'Unknown file kind: $schema must name the form, ruleset, calendar or roles meta-schema',
  ),
  'meta.invalid': t('{detail}', '{detail}'),
  'pack.duplicateId': t('标识“{id}”重复（另见 {other}）', 'Duplicate id "{id}" (also in {other})'),
  'form.schemaInvalid': t('记录模式无法编译：{detail}', 'Record schema does not compile: {detail}'),
  'form.notASchema': t(
    '此处应为 JSON Schema（对象或 true/false），实为 {found}',
    'A JSON Schema (an object or true/false) belongs here, found {found}',
  ),
  'form.rootNotObject': t('记录模式的根必须是 type: "object"', 'The record schema root must be type: "object"'),
  'form.unknownState': t('状态“{state}”未在 states 中定义', 'State "{state}" is not defined in states'),
  'form.duplicateState': t('状态“{state}”重复', 'Duplicate state "{state}"'),
  'form.transitionFromFinal': t('终态“{state}”不能再流转', 'Final state "{state}" cannot have transitions'),
  'form.missingEnumTitle': t('选项“{value}”缺少中英文标签', 'Option "{value}" has no zh-CN/en label'),
  'form.unknownField': t('字段“{field}”不在记录模式中', 'Field "{field}" is not in the record schema'),
  'form.duplicateSection': t('栏目“{section}”重复', 'Duplicate section "{section}"'),
  'form.fieldInTwoSections': t('字段“{field}”已在栏目“{section}”中', 'Field "{field}" is already in section "{section}"'),
  'form.unknownSection': t('栏目“{section}”未在 sections 中定义', 'Section "{section}" is not defined in sections'),
  'form.formulaInvalid': t('字段“{field}”的公式无效', 'The formula of field "{field}" is not valid'),
  'form.duplicateStep': t('状态“{state}”的步骤重复', 'State "{state}" has two steps'),
  'form.fieldKindExpected': t('字段“{field}”应为 {kind} 类型', 'Field "{field}" must be of kind {kind}'),
  'form.numberingFormat': t(
    '编号格式“{format}”必须恰好包含一个序号占位（seq，可写 seq:位数，放在花括号中）',
    'Numbering format "{format}" must contain exactly one sequence placeholder (seq or seq:digits, in braces)',
  ),
  'form.unknownLinkForm': t('关联字段“{field}”的表单“{form}”不存在', 'Link field "{field}": form "{form}" does not exist'),
  'form.unknownRole': t('角色“{role}”未在角色文件中定义', 'Role "{role}" is not defined in the roles file'),
  'form.patternInvalid': t('正则表达式“{pattern}”无效：{detail}', 'Regular expression "{pattern}" is not valid: {detail}'),
  'form.patternLookaround': t(
    '正则表达式“{pattern}”使用了前瞻或后顾断言（(?=、(?!、(?<=、(?<!）：为保证匹配用时与输入长度成正比，不支持这种写法',
    'Regular expression "{pattern}" uses lookahead or lookbehind ((?=, (?!, (?<=, (?<!), which is not supported: matching must take time in proportion to the input',
  ),
  'form.patternBackreference': t(
    '正则表达式“{pattern}”使用了反向引用（\\1、\\k<名称>）：为保证匹配用时与输入长度成正比，不支持这种写法',
    'Regular expression "{pattern}" uses a backreference (\\1, \\k<name>), which is not supported: matching must take time in proportion to the input',
  ),
  'form.patternTooLong': t('正则表达式过长：超过 {limit} 个字符', 'Regular expression too long: more than {limit} characters'),
  'form.patternTooComplex': t(
    '正则表达式“{pattern}”过于复杂（规模 {size}，上限 {limit}）：请减少重复次数，长度请用 maxLength 限制',
    'Regular expression "{pattern}" is too complex (size {size}, limit {limit}): repeat less, and limit the length with maxLength',
  ),
  'form.patternUnsupported': t(
    '正则表达式“{pattern}”无法用线性时间匹配引擎（RE2）表达：{detail}',
    'Regular expression "{pattern}" cannot be expressed for the linear-time matching engine (RE2): {detail}',
  ),
  'calendar.invalid': t('日历无效：{detail}', 'Invalid calendar: {detail}'),
  'table.notATable': t('这些规则不能作为一张决策表：{reason}', 'These rules do not form a decision table: {reason}'),
  'table.ruleInTwoTables': t('规则“{rule}”已属于决策表“{other}”', 'Rule "{rule}" is already in the decision table "{other}"'),
  'table.outputType': t('决策表第 {row} 行：结果的类型不对', 'Decision table row {row}: the output has the wrong type'),
  'table.emptyCell': t('决策表第 {row} 行：区间为空', 'Decision table row {row}: the range is empty'),
  'rules.notALink': t('字段“{field}”不是关联字段', 'Field "{field}" is not a link field'),
  'rules.unknownForm': t('表单“{form}”不存在', 'Form "{form}" does not exist'),
  'rules.unknownFact': t('事实“{fact}”既不是表单字段，也未在 facts 中声明', 'Fact "{fact}" is neither a form field nor declared in facts'),
  'rules.unknownOperator': t('未知运算符“{operator}”', 'Unknown operator "{operator}"'),
  'rules.operatorType': t(
    '运算符“{operator}”不适用于类型为 {type} 的事实“{fact}”',
    'Operator "{operator}" does not fit fact "{fact}" of type {type}',
  ),
  'rules.valueType': t(
    '值的类型与事实“{fact}”（{type}）或运算符“{operator}”不符',
    'The value does not fit fact "{fact}" ({type}) or operator "{operator}"',
  ),
  'rules.unknownEnumValue': t('“{value}”不是字段“{fact}”的选项', '"{value}" is not an option of field "{fact}"'),
  'rules.duplicateRuleName': t('规则名“{name}”重复', 'Duplicate rule name "{name}"'),
  'rules.unknownCalendar': t('日历“{calendar}”不存在', 'Calendar "{calendar}" does not exist'),
  'rules.testUnknownDeadline': t(
    '测试用例预期的期限“{key}”不由本规则集的任何规则产生',
    'The test case expects deadline "{key}", which no rule of this rule set produces',
  ),
  'rules.testUnknownAmount': t(
    '测试用例预期的金额“{name}”不由本规则集的任何规则产生',
    'The test case expects amount "{name}", which no rule of this rule set produces',
  ),
  'rules.testBadTime': t(
    '“{value}”不是存在的日期时间（例如 "2025-10-09 16:00"）',
    '"{value}" is not an existing date and time (e.g. "2025-10-09 16:00")',
  ),
  'rules.unknownRole': t('角色“{role}”未在角色文件中定义', 'Role "{role}" is not defined in the roles file'),
  'rules.unknownStatus': t('状态“{state}”不在表单“{form}”的状态流中', 'Status "{state}" is not in the status flow of form "{form}"'),
  'rules.unknownCondition': t('共享条件“{name}”不存在', 'Shared condition "{name}" does not exist'),
  'rules.conditionCycle': t('共享条件“{name}”循环引用自身', 'Shared condition "{name}" refers to itself'),
  'rules.badPath': t('路径“{path}”不是简单路径（只允许 $.a.b[0] 形式）', 'Path "{path}" is not a plain path (only $.a.b[0] is allowed)'),
  'rules.notDateField': t('字段“{field}”必须是日期或日期时间', 'Field "{field}" must be a date or date-time'),
  'rules.notNumber': t('“{fact}”不是数值，不能用于计算', '"{fact}" is not a number and cannot be computed with'),
  'rules.notArray': t('“{field}”不是重复行（数组）字段', '"{field}" is not a repeating-lines (array) field'),
  'rules.noCalendar': t('工作时间需要日历：请设置 calendar', 'Working time needs a calendar: set calendar'),
  'rules.exprArgType': (p: Params) => {
    const op = EXPR_OPERATION_WORDS[String(p.operation)] ?? [String(p.operation), String(p.operation)];
    const wanted = p.expected === 'date' ? ['日期', 'a date'] : ['数值', 'a number'];
    return {
      'zh-CN': `“${op[0]}”的第 ${p.position} 项应为${wanted[0]}`,
      en: `Input ${p.position} of "${op[1]}" must be ${wanted[1]}`,
    };
  },
  'rules.missingCompletionField': t(
    '时限的“完成时间”字段“{field}”不在表单中：请在表单里添加这个日期时间字段',
    'The deadline\'s completion field "{field}" is not on the form: add this date-time field to the form',
  ),
  'rules.exprTestValue': t('条件缺少要比较的值', 'The condition has no value to compare with'),
  'rules.exprResultType': (p: Params) =>
    p.expected === 'date'
      ? { 'zh-CN': '这里需要日期，公式得出的是数值', en: 'A date is needed here; the formula gives a number' }
      : {
          'zh-CN': '这里需要数值（金额、时限），公式得出的是日期',
          en: 'A number (amount, limit) is needed here; the formula gives a date',
        },
  'rules.historyInRecord': t('历史事实“{fact}”不能用于历史查询条件', 'History fact "{fact}" cannot be used inside a history query'),
} satisfies Record<string, (p: Params) => LocalizedText>;

export type ProblemCode = keyof typeof problemMessages;
