import { parseOperator } from '@aftersales/engine';
import type { MessageKey } from '../../i18n/en';
import type { Translate } from '../../i18n/I18nContext';

/** "someFact:greaterThan" -> "some line: is more than"; unknown text stays as it is. */
export function operatorLabel(operator: string, t: Translate): string {
  if (operator === 'holds') return t('op.holds');
  const parsed = parseOperator(operator);
  if (!parsed) return operator;
  return [...parsed.decorators.map((d) => t(`dec.${d}` as MessageKey)), t(`op.${parsed.operator}` as MessageKey)].join(' ');
}
