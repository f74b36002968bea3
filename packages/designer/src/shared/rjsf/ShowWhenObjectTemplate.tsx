import type { ObjectFieldTemplateProps } from '@rjsf/utils';
import AntObjectFieldTemplate from '@rjsf/antd/lib/templates/ObjectFieldTemplate/index.js';
import { isShown, showWhenOf } from './showWhen';
import { SectionedFields, type StepLayout } from './SectionedFields';

/**
 * Ant Design's object template, hiding the fields whose `ui:showWhen` does not hold for the current
 * values, and the form's own title when the page shows it (formContext `hideTitle`). The root of a
 * form with sections is laid out by its step (formContext `steps`): the step's sections first.
 */
export function ShowWhenObjectTemplate(props: ObjectFieldTemplateProps) {
  const data = (props.formData ?? {}) as Record<string, unknown>;
  const ui = (props.uiSchema ?? {}) as Record<string, unknown>;
  const properties = props.properties.map((p) => (isShown(showWhenOf(ui[p.name]), data) ? p : { ...p, hidden: true }));
  const root = props.fieldPathId.path.length === 0;
  const context = props.registry.formContext as { hideTitle?: boolean; steps?: StepLayout } | undefined;
  if (root && context?.steps)
    return (
      <fieldset id={props.fieldPathId.$id}>
        <SectionedFields layout={context.steps} properties={properties} errorSchema={props.errorSchema} />
      </fieldset>
    );
  const title = root && context?.hideTitle ? '' : props.title;
  return <AntObjectFieldTemplate {...props} title={title} properties={properties} />;
}
