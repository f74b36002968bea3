import { fileURLToPath } from 'node:url';

/** The default policy pack shipped with the product: the repository's `schemas/` and `rules/`. */
export function defaultPackDirs(): string[] {
  return ['schemas', 'rules'].map((dir) => fileURLToPath(new URL(`../../../../${dir}`, import.meta.url)));
}
