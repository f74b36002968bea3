import { Form, Switch, Typography } from 'antd';
import type { Problem } from '@aftersales/engine';
import { useI18n } from '../../i18n/I18nContext';
import type { ExprFieldContext } from '../rules/ExprField';
import { ExprTreeEditor } from '../rules/ExprTreeEditor';
import { FormulaExample } from '../rules/FormulaExample';
import { fieldFormula, setFieldFormula, starterFormula } from './computedField';
import type { FieldModel } from './fieldModel';

export interface ComputedFieldEditorProps {
  field: FieldModel;
  siblings: FieldModel[];
  /** The group the field is in (a repeating line), null at the top of the form. */
  parent: FieldModel | null;
  idBase: string;
  /** The fields of the form (and of the line) the formula can read, its words and its example. */
  context: ExprFieldContext;
  /** The engine's problems at this field's formula. */
  problems: readonly Problem[];
  onChange: (next: FieldModel) => void;
}

/**
 * A number computed by a formula, without JSON: a switch, then the formula blocks the rule editor
 * uses, over the form's fields (a line's formula: the line's fields first), with the formula in
 * words, its value on a sample record and the engine's problems in words.
 */
export function ComputedFieldEditor({ field, siblings, parent, idBase, context, problems, onChange }: ComputedFieldEditorProps) {
  const { t, text } = useI18n();
  const formula = fieldFormula(field);
  const name = text(field.label) || field.key;
  return (
    <>
      <Form.Item label={t('fields.computed.switch')} htmlFor={`${idBase}-computed`} help={t('fields.computed.help')}>
        <Switch
          id={`${idBase}-computed`}
          checked={formula !== undefined}
          onChange={(on) => onChange(setFieldFormula(field, on ? starterFormula(field, siblings, parent) : undefined))}
        />
      </Form.Item>
      {formula !== undefined && (
        <div className="computed-field" style={{ marginBottom: 16 }}>
          <ExprTreeEditor
            value={formula}
            onChange={(next) => onChange(setFieldFormula(field, next))}
            label={t('fields.computed.formulaOf', { field: name })}
            context={context}
            invalid={problems.length > 0}
          />
          <FormulaExample expr={formula} context={context} />
          {problems.length > 0 && (
            <ul aria-label={t('fields.computed.problemsOf', { field: name })} style={{ margin: '8px 0 0', paddingLeft: 18 }}>
              {problems.map((p, i) => (
                <li key={i}>
                  {/* A field the formula reads was removed or renamed: said without its code. */}
                  <Typography.Text type="danger">
                    {p.code === 'form.unknownField' ? t('fields.computed.unknownField') : text(p.message)}
                  </Typography.Text>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </>
  );
}
