import type { FieldTemplateProps } from '@rjsf/utils';
import { getTemplate, getUiOptions } from '@rjsf/utils';
import { FormField } from '../FormField';

/**
 * RJSF's field template in Ant Design's look (as @rjsf/antd's, without Ant Design's Form.Item):
 * label, control, description, help, and the field's errors.
 */
export function FieldTemplate(props: FieldTemplateProps) {
  const {
    children,
    description,
    displayLabel,
    errors,
    help,
    rawHelp,
    hidden,
    id,
    label,
    rawErrors,
    rawDescription,
    registry,
    required,
    uiSchema,
  } = props;
  const uiOptions = getUiOptions(uiSchema);
  if (hidden) return <div className="rjsf-field-hidden">{children}</div>;
  const WrapIfAdditionalTemplate = getTemplate('WrapIfAdditionalTemplate', registry, uiOptions);
  const isCheckbox = uiOptions.widget === 'checkbox';
  const { wrapperStyle } = registry.formContext as { wrapperStyle?: React.CSSProperties };
  return (
    <WrapIfAdditionalTemplate {...props}>
      <FormField
        id={id}
        label={displayLabel && !isCheckbox ? label : undefined}
        required={required}
        errors={rawErrors?.length ? errors : undefined}
        extra={
          rawDescription || rawHelp ? (
            <>
              {rawDescription ? description : null}
              {rawHelp ? help : null}
            </>
          ) : undefined
        }
        {...(wrapperStyle ? { style: wrapperStyle } : {})}
      >
        {children}
      </FormField>
    </WrapIfAdditionalTemplate>
  );
}
