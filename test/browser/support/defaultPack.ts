import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The default pack's files as parsed JSON (forms, rule sets, calendars, roles); empty lists when absent. */
export function readDefaultPack(): { forms: unknown[]; ruleSets: unknown[]; calendars: unknown[]; roles: unknown } {
  const json = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
  const list = (dir: string, suffix: string): string[] => {
    if (!existsSync(dir)) return [];
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return list(path, suffix);
      return name.endsWith(suffix) ? [path] : [];
    });
  };
  const rolesPath = join(ROOT, 'rules', 'roles.json');
  return {
    forms: list(join(ROOT, 'schemas'), '.form.json').map(json),
    ruleSets: list(join(ROOT, 'rules'), '.rules.json').map(json),
    calendars: list(join(ROOT, 'rules', 'calendars'), '.calendar.json').map(json),
    roles: existsSync(rolesPath) ? json(rolesPath) : null,
  };
}
