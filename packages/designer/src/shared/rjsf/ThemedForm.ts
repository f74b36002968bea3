import { withTheme } from '@rjsf/core';
import type { FormContextType, RJSFSchema, Widget } from '@rjsf/utils';
import ArrayFieldItemTemplate from '@rjsf/antd/lib/templates/ArrayFieldItemTemplate/index.js';
import ArrayFieldTemplate from '@rjsf/antd/lib/templates/ArrayFieldTemplate/index.js';
import DescriptionField from '@rjsf/antd/lib/templates/FieldDescriptionTemplate/index.js';
import FieldErrorTemplate from '@rjsf/antd/lib/templates/FieldErrorTemplate/index.js';
import { ClearButton, CopyButton, MoveDownButton, MoveUpButton, RemoveButton } from '@rjsf/antd/lib/templates/IconButton/index.js';
import SubmitButton from '@rjsf/antd/lib/templates/SubmitButton/index.js';
import TitleField from '@rjsf/antd/lib/templates/TitleField/index.js';
import CheckboxWidget from '@rjsf/antd/lib/widgets/CheckboxWidget/index.js';
import CheckboxesWidget from '@rjsf/antd/lib/widgets/CheckboxesWidget/index.js';
import RadioWidget from '@rjsf/antd/lib/widgets/RadioWidget/index.js';
import TextareaWidget from '@rjsf/antd/lib/widgets/TextareaWidget/index.js';
import { AddButton } from './AddButton';
import { BaseInputTemplate } from './BaseInputTemplate';
import { FieldTemplate } from './FieldTemplate';
import { NativeSelectWidget } from './NativeSelectWidget';
import { PhotoWidget } from './PhotoWidget';
import { PhotosWidget } from './PhotosWidget';
import { DateTimeWidget, DateWidget } from './DateWidgets';
import { PersonWidget } from './PersonWidget';
import { StoreWidget } from './StoreWidget';
import { SignatureWidget } from './SignatureWidget';
import { LinkWidget } from './LinkWidget';
import { ShowWhenObjectTemplate } from './ShowWhenObjectTemplate';
import { FormErrorList } from './FormErrorList';

/**
 * react-jsonschema-form in Ant Design, composed from the parts our forms use, plus the photo
 * widget and fields shown only when another has a value. Dates and times are Ant Design's
 * DatePicker in the person's format and language (`DateWidgets.tsx`, loaded with the first form
 * that has one: the browser's own date inputs show the operating system's format, mm/dd/yyyy in a
 * Chinese screen). Numbers and single choices are the browser's own inputs (`number`, `<select>`,
 * in Ant Design's input style): the phone's number pad, usable by keyboard and screen readers, and
 * no dropdown or number library in the form screen's first load. Fields are laid
 * out without Ant Design's Form (the engine validates records, not its validation library). Parts
 * RJSF needs rarely (additional properties, oneOf choice, grids) are RJSF's own. Sliders and
 * colour pickers fall back to RJSF's native widgets. The parts are imported one by one because the
 * package's index builds its full theme (calendar and all) when it is imported.
 */
export const ThemedForm = withTheme<unknown, RJSFSchema, FormContextType>({
  templates: {
    ArrayFieldItemTemplate,
    ArrayFieldTemplate,
    BaseInputTemplate,
    ButtonTemplates: { AddButton, CopyButton, MoveDownButton, MoveUpButton, RemoveButton, SubmitButton, ClearButton },
    DescriptionFieldTemplate: DescriptionField,
    ErrorListTemplate: FormErrorList,
    FieldErrorTemplate,
    FieldTemplate,
    ObjectFieldTemplate: ShowWhenObjectTemplate,
    TitleFieldTemplate: TitleField,
  },
  widgets: {
    CheckboxWidget,
    CheckboxesWidget,
    RadioWidget,
    SelectWidget: NativeSelectWidget as Widget,
    TextareaWidget,
    photo: PhotoWidget as Widget,
    photos: PhotosWidget as Widget,
    DateWidget: DateWidget as Widget,
    DateTimeWidget: DateTimeWidget as Widget,
    person: PersonWidget as Widget,
    store: StoreWidget as Widget,
    signature: SignatureWidget as Widget,
    link: LinkWidget as Widget,
  },
});
