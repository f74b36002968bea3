import { Typography } from 'antd';
import type { Expr } from '@aftersales/engine';
import { useI18n } from '../../i18n/I18nContext';
import type { ExprFieldContext } from './ExprField';

/** Under a formula: the formula in words, and its value computed by the engine on sample data. */
export function FormulaExample({ expr, context }: { expr: Expr; context: ExprFieldContext }) {
  const { t } = useI18n();
  const example = context.example?.(expr);
  const words = context.describe?.(expr);
  if (!example && !words) return null;
  return (
    <div className="formula-example" style={{ marginTop: 6, fontSize: 13 }} aria-live="polite">
      {words && (
        <div>
          <Typography.Text type="secondary">{t('formula.inWords')}</Typography.Text> <Typography.Text>{words}</Typography.Text>
        </div>
      )}
      {example && (
        <div data-testid="formula-example">
          <Typography.Text type="secondary">{t('formula.example')}</Typography.Text>{' '}
          {example.inputs.length > 0 && (
            <Typography.Text type="secondary">
              {t('formula.exampleWhen', { inputs: example.inputs.map((i) => `${i.label} = ${i.value}`).join(t('formula.listSeparator')) })}
            </Typography.Text>
          )}{' '}
          <Typography.Text strong>{example.value ?? t('formula.exampleNone')}</Typography.Text>
        </div>
      )}
    </div>
  );
}
