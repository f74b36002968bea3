import type { ProblemCode } from '../problems/problemMessages.js';

/** A semantic problem before it gets a file and line: where in the file (pointer segments) and what. */
export interface SemanticIssue {
  path: (string | number)[];
  code: ProblemCode;
  params?: Record<string, string | number>;
}
