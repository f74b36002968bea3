import { Checkbox } from 'antd';
import type { CheckboxGroupProps } from 'antd/es/checkbox';

/**
 * A required Checkbox.Group inside a Form.Item, named for screen readers: a `group` with the field's
 * label. Form.Item puts aria-required on its child, which a plain div may not carry (axe), so it is dropped.
 */
export function CheckboxGroupField<T extends string>({
  label,
  'aria-required': _required,
  ...props
}: CheckboxGroupProps<T> & { label: string; 'aria-required'?: unknown }) {
  return <Checkbox.Group<T> {...props} role="group" aria-label={label} />;
}
