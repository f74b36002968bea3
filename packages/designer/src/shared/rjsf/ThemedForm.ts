import { withTheme } from '@rjsf/core';
import type { FormContextType, RJSFSchema, Widget } from '@rjsf/utils';
import { generateTemplates } from '@rjsf/antd/lib/templates/index.js';
import CheckboxWidget from '@rjsf/antd/lib/widgets/CheckboxWidget/index.js';
import CheckboxesWidget from '@rjsf/antd/lib/widgets/CheckboxesWidget/index.js';
import RadioWidget from '@rjsf/antd/lib/widgets/RadioWidget/index.js';
import TextareaWidget from '@rjsf/antd/lib/widgets/TextareaWidget/index.js';
import { NativeSelectWidget } from './NativeSelectWidget';
import { PhotoWidget } from './PhotoWidget';
import { ShowWhenObjectTemplate } from './ShowWhenObjectTemplate';

/**
 * react-jsonschema-form in Ant Design, composed from the parts our forms use, plus the photo
 * widget and fields shown only when another has a value. Dates, times and single choices are the
 * browser's own inputs (`date`, `datetime-local`, `<select>`, in Ant Design's input style): the
 * phone's native pickers, usable by keyboard and screen readers, and no calendar or dropdown library
 * in the form screen's first load. Sliders
 * and colour pickers fall back to RJSF's native widgets. The parts are imported one by one because
 * the package's index builds its full theme (calendar and all) when it is imported.
 */
export const ThemedForm = withTheme<unknown, RJSFSchema, FormContextType>({
  templates: { ...generateTemplates(), ObjectFieldTemplate: ShowWhenObjectTemplate },
  widgets: {
    CheckboxWidget,
    CheckboxesWidget,
    RadioWidget,
    SelectWidget: NativeSelectWidget as Widget,
    TextareaWidget,
    photo: PhotoWidget as Widget,
  },
});
