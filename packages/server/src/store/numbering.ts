/**
 * A number a record write takes from a counter in its own transaction: `key` names the counter (form,
 * store and everything before the sequence), the number is `prefix` + the sequence with at least
 * `digits` digits + `suffix`, written into the record's `field`.
 */
export interface NumberRequest {
  field: string;
  key: string;
  prefix: string;
  suffix: string;
  digits: number;
}

export function renderNumber(request: NumberRequest, seq: number): string {
  return `${request.prefix}${String(seq).padStart(request.digits, '0')}${request.suffix}`;
}
