import type { MessageKey } from '../../i18n/en';

/**
 * The words of the outcome form: a param's label (`param.<name>`), else a message key as it is
 * (`unit.workingHours`), else the name itself (a param the dictionary does not know yet).
 */
export function outcomeWords(t: (key: MessageKey) => string, has: (key: string) => boolean): (key: string) => string {
  return (key) => (has(`param.${key}`) ? t(`param.${key}` as MessageKey) : has(key) ? t(key as MessageKey) : key);
}
