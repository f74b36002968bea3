// @aftersales/engine: pure policy engine (no I/O), for Node and the browser.

export type { LocalizedText, Locale } from './i18n/LocalizedText.js';
export { LOCALES, pickText, resolveLocale } from './i18n/LocalizedText.js';

export type { Problem } from './problems/Problem.js';
export type { ProblemCode } from './problems/problemMessages.js';
export { problemMessages } from './problems/problemMessages.js';

export type { JsonLimits } from './json/limits.js';
export { DEFAULT_JSON_LIMITS } from './json/limits.js';
export type { JsonDocument, ParseJsonResult } from './json/parseJsonText.js';
export { parseJsonText } from './json/parseJsonText.js';
export type { UnsafeJson } from './json/findUnsafeJson.js';
export { findUnsafeJson } from './json/findUnsafeJson.js';
export { toPointer, fromPointer } from './json/jsonPointer.js';

export { ajvOptions, ANNOTATION_KEYWORDS } from './validation/ajvOptions.js';
export { createAjv, configureRecordAjv } from './validation/createAjv.js';
export { recordValidatorModule } from './validation/recordValidatorModule.js';
export type {
  GeneratedValidate,
  RecordValidatorsFactory,
  RecordValidatorsModule,
  ValidatorRuntime,
} from './validation/validatorRuntime.js';
export { loadValidatorRuntime, validatorRuntime, VALIDATOR_RUNTIME_MODULES } from './validation/validatorRuntime.js';
export { normalizeDraft07 } from './validation/normalizeDraft07.js';
export type { LocalizedAjvError } from './validation/localizeAjvErrors.js';
export { localizeAjvErrors } from './validation/localizeAjvErrors.js';
export type { RecordError, RecordValidation, RecordValidator, CompileRecordSchemaResult } from './validation/compileRecordSchema.js';
export { compileRecordSchema } from './validation/compileRecordSchema.js';

export type { PackFileKind } from './meta/metaSchemas.js';
export { metaSchemas, kindOfSchemaRef } from './meta/metaSchemas.js';

export * from './calendar/index.js';
export { parseInstant, readOffsetInstant } from './calendar/parseInstant.js';

export type {
  FormDefinition,
  RecordSchema,
  StatusFlow,
  StatusState,
  StatusTransition,
  FieldKind,
  Assignment,
  Numbering,
  LinkMove,
  FieldAccess,
} from './forms/FormDefinition.js';
export type { FormSection, StepView } from './forms/FormDefinition.js';
export { OTHER_FIELDS_SECTION, stampOf, stepView } from './forms/stepView.js';
export type { ComputedMismatch } from './forms/computedFields.js';
export { computeFields, formulaOf } from './forms/computedFields.js';
export type { DateProblem } from './forms/checkDates.js';
export { checkDates } from './forms/checkDates.js';
export type { LockedField } from './forms/fieldAccessFor.js';
export { lockedFields, refusedFieldEdits } from './forms/fieldAccessFor.js';
export type { RolesFile, PolicyRole } from './forms/RolesFile.js';
export type { FieldInfo, FieldType } from './forms/fieldAt.js';
export { fieldAt } from './forms/fieldAt.js';
export { localizeForm } from './forms/localizeForm.js';
export { checkForm } from './forms/checkForm.js';

export type { Expr, ExprTest, ExprTestOp, DateShift } from './expr/Expr.js';
export { EXPR_TEST_OPS, DATE_SHIFTS } from './expr/Expr.js';
export { evaluateExpr, evaluateExprValue, isFilled, type ExprEnv } from './expr/evaluateExpr.js';
export { checkExprTypes, type ExprType, type ExprFactKind } from './expr/checkExprTypes.js';
export { exprChildren } from './expr/exprChildren.js';
export { evaluateFormula } from './expr/evaluateFormula.js';
export { exprFacts } from './expr/exprFacts.js';

export type {
  RuleSetFile,
  RuleDefinition,
  RuleTestCase,
  CaseName,
  ExpectedValues,
  ExpectedFine,
  TopLevelCondition,
  NestedCondition,
  FactCondition,
  AllCondition,
  AnyCondition,
  NotCondition,
  ConditionReference,
  DerivedFact,
  ElapsedFact,
  ComputedFact,
  HistoryFact,
  LinkedFact,
  HistoryFilter,
} from './rules/RuleSetFile.js';
export type { OperatorName, DecoratorName, ParsedOperator } from './rules/operators.js';
export { OPERATORS, DECORATORS, parseOperator } from './rules/operators.js';
export { CUSTOM_OPERATORS, type CustomOperatorName } from './rules/customOperators.js';
export type { FactDescriptor, FactCatalog, FactSource } from './rules/factCatalog.js';
export { factCatalog, exprFactKind, STATUS_FACT } from './rules/factCatalog.js';
export type { SemanticIssue } from './rules/SemanticIssue.js';
export { checkRuleSet } from './rules/checkRuleSet.js';
export { caseName } from './rules/caseName.js';
export { collectFacts } from './rules/collectFacts.js';
export type { CompiledRule, CompiledRuleSet } from './rules/compileRuleSet.js';
export { compileRuleSet } from './rules/compileRuleSet.js';
export type { RuleRun } from './rules/runRuleSet.js';
export { runRuleSet } from './rules/runRuleSet.js';
export type { Comparison } from './rules/compileOperator.js';
export { compileOperator } from './rules/compileOperator.js';
export { resolveFieldPath } from './facts/resolveFieldPath.js';
export { resolveJsonPath, isPlainJsonPath } from './facts/resolveJsonPath.js';

export type * from './outcome/OutcomeEvent.js';
export { OUTCOME_TYPES } from './outcome/OutcomeEvent.js';
export type * from './outcome/Outcome.js';
export type { DescribeOptions } from './outcome/describeOutcome.js';
export { describeOutcome, formatTime } from './outcome/describeOutcome.js';
export { recordName, type PersonName } from './forms/recordName.js';
export type { LocalTimeOptions } from './i18n/localTime.js';
export { formatLocalTime, formatLocalDateTime, formatLocalDate, localYear } from './i18n/localTime.js';

export type * from './explain/Explanation.js';
export type { RuleTrace, LeafTrace } from './explain/ExplanationTrace.js';
export { traceExplanation } from './explain/ExplanationTrace.js';
export { describeCondition, describeConditionTree, sharedConditionHolds } from './explain/describeCondition.js';
export type { DescribeConditionOptions } from './explain/describeCondition.js';
export { describeRule } from './explain/describeRule.js';

export type { Pack, PackEntry, PackFile } from './pack/Pack.js';
export { emptyPack } from './pack/Pack.js';
export type { LoadPackOptions, LoadPackResult } from './pack/loadPack.js';
export { loadPack } from './pack/loadPack.js';

export type { Evaluation, EvaluationContext } from './policy/Evaluation.js';
export type { Policy, PolicyInput, PolicyRun } from './policy/compilePolicy.js';
export { compilePolicy, PolicyCompileError } from './policy/compilePolicy.js';
export { recordFieldsRead } from './policy/recordFieldsRead.js';
export type { RuleTestResult, RunRuleTestsOptions } from './policy/runRuleTests.js';
export type { ValueDifference, ZoneOf } from './policy/ruleTestValues.js';
export { compareValues, describeDifference, formatWallTime, valuesOf } from './policy/ruleTestValues.js';
export { runRuleTests } from './policy/runRuleTests.js';
export type { OutcomeChange } from './outcome/compareOutcomes.js';
export { compareOutcomes } from './outcome/compareOutcomes.js';

export * from './tables/index.js';
export { describeExpr } from './expr/describeExpr.js';
export { dueTime } from './outcome/dueTime.js';
export { ruleSentence, conditionSentence, outcomeSentence, type SentenceContext } from './explain/ruleSentence.js';
