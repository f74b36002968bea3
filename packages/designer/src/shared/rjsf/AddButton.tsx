import { TranslatableString, type IconButtonProps } from '@rjsf/utils';
import { AddButton as IconAddButton } from '@rjsf/antd/lib/templates/IconButton/index.js';

/**
 * Ant Design's add button of a list (parts used, photos, ...) with its words beside the icon: a
 * wide bar holding only ⊕ says nothing on a phone, where there is no tooltip to hover.
 */
export function AddButton(props: IconButtonProps) {
  return <IconAddButton {...props}>{props.registry.translateString(TranslatableString.AddItemButton)}</IconAddButton>;
}
