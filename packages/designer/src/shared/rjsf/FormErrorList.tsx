import type { ErrorListProps } from '@rjsf/utils';
import ErrorList from '@rjsf/antd/lib/templates/ErrorList/index.js';

/**
 * Ant Design's error list, each error in words: the form's own checks (dates, computed fields)
 * name their field in their message, so RJSF's ".partsUsed.0.at " path before it is dropped.
 */
export function FormErrorList(props: ErrorListProps) {
  const errors = props.errors.map((e) =>
    e.property && e.stack.startsWith(`${e.property} `) && e.message ? { ...e, stack: e.message } : e,
  );
  return <ErrorList {...props} errors={errors} />;
}
