/**
 * A small arithmetic expression over record facts, as data (never evaluated as code).
 * `{ "mul": [{ "fact": "fee" }, 0.05] }` is 5% of the fee.
 */
export type Expr =
  | number
  | { fact: string }
  | { add: Expr[] }
  | { sub: [Expr, Expr] }
  | { mul: Expr[] }
  | { div: [Expr, Expr] }
  | { min: Expr[] }
  | { max: Expr[] }
  | { round: Expr; digits?: number }
  | { ceil: Expr }
  | { floor: Expr }
  /** Number of items of an array field. */
  | { count: string }
  /** Sum over an array field of one item field, or of item field products (`times`). */
  | { sum: string; field: string; times?: string };
