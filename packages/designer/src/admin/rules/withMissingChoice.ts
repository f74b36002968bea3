/** A choice of a select: a value and what people read for it. */
interface Choice {
  value: string;
  label: string;
}
type Choices = (Choice | { label: string; options: Choice[] })[];

/** Whether the select's value is one of its choices (an empty value counts as offered). */
export function isOffered(options: Choices, current: string | undefined): boolean {
  return !current || options.some((o) => ('options' in o ? o.options.some((c) => c.value === current) : o.value === current));
}

/**
 * A value the lists no longer offer (a field removed from the form, a name from a pushed file) still
 * shows in its select, named by `missing` ("（已不存在的字段）") and never by its code, so the admin
 * sees that it must be chosen again.
 */
export function withMissingChoice<T extends Choices>(options: T, current: string | undefined, missing: string): T {
  return isOffered(options, current) ? options : ([...options, { value: current!, label: missing }] as T);
}
