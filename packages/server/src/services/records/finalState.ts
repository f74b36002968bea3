import { pickText, type FormDefinition } from '@aftersales/engine';
import { DomainError } from '../../errors/DomainError.js';
import { domainDetail } from '../../errors/domainDetail.js';

/** A state no transition leaves: a record there is read-only (a declared transition out of it reopens it). */
export function isFinalState(form: FormDefinition, status: string | null): boolean {
  const flow = form.statusFlow;
  if (!flow || status === null) return false;
  return !flow.transitions.some((t) => t.from === status);
}

/** Refuses an edit of a record in a final state, naming the state in both languages. */
export function refuseFinalEdit(form: FormDefinition, status: string | null): never {
  const label = form.statusFlow?.states.find((s) => s.id === status)?.label;
  const zh = label ? pickText(label, 'zh-CN') : '';
  const en = label ? pickText(label, 'en') : '';
  throw new DomainError(
    'record.final',
    { stateEn: en || 'in a final state', stateZh: zh ? `处于“${zh}”` : '结束' },
    {
      details: [domainDetail('/data', 'detail.readOnly', {}, 'record.final')],
    },
  );
}
