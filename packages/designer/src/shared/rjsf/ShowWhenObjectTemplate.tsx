import type { ObjectFieldTemplateProps } from '@rjsf/utils';
import AntObjectFieldTemplate from '@rjsf/antd/lib/templates/ObjectFieldTemplate/index.js';
import { isShown, showWhenOf } from './showWhen';

/**
 * Ant Design's object template, hiding the fields whose `ui:showWhen` does not hold for the current
 * values, and the form's own title when the page shows it (formContext `hideTitle`).
 */
export function ShowWhenObjectTemplate(props: ObjectFieldTemplateProps) {
  const data = (props.formData ?? {}) as Record<string, unknown>;
  const ui = (props.uiSchema ?? {}) as Record<string, unknown>;
  const properties = props.properties.map((p) => (isShown(showWhenOf(ui[p.name]), data) ? p : { ...p, hidden: true }));
  const root = props.fieldPathId.path.length === 0;
  const title = root && (props.registry.formContext as { hideTitle?: boolean } | undefined)?.hideTitle ? '' : props.title;
  return <AntObjectFieldTemplate {...props} title={title} properties={properties} />;
}
