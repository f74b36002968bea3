import { describeOutcome, type Approval, type DescribeOptions, type Outcome } from '@aftersales/engine';

/** One sentence of an outcome; an approval's sentence carries the approval (a record's page says what became of it). */
export interface OutcomeLine {
  text: string;
  approval?: Approval;
}

/**
 * `describeOutcome`'s sentences, each approval's marked with its approval. `describeOutcome` writes
 * the deadlines first and the approvals next, one sentence each (outcomeLines.test.ts holds it to that).
 */
export function outcomeLines(outcome: Outcome, options: DescribeOptions): OutcomeLine[] {
  const first = outcome.deadlines.length;
  return describeOutcome(outcome, options).map((text, i) => {
    const approval = i >= first ? outcome.approvals[i - first] : undefined;
    return approval === undefined ? { text } : { text, approval };
  });
}
