import type { PackFile } from '@aftersales/engine';
import { actorOf } from '../../services/Principal.js';
import { toDetail } from '../../services/DefinitionService.js';
import { impactFor } from '../../services/impactView.js';
import { pushImpact } from '../../services/pushImpact.js';
import { api } from '@aftersales/contract';
import type { Route } from '../Route.js';
import { route } from '../typedRoute.js';
import type { Services } from './Services.js';

/** Integrators: push whole pack files (dry run: problems, changes, impact on recent records) and pull them. */
export function packRoutes(services: Services): Route[] {
  return [
    route(api.pack.push, {
      access: { roles: ['admin'], scope: 'definitions:write' },
      summary: 'Push pack files exactly as they sit in schemas/ and rules/ (all or nothing; dryRun writes nothing)',
      handler: async ({ body, principal }) => {
        const files: PackFile[] = body.files.map((f) => ({ path: f.path, text: f.content }));
        const dryRun = body.dryRun ?? false;
        const before = dryRun ? await impactBase(services) : null;
        const result = await services.definitions.pushFiles(files, actorOf(principal), {
          dryRun,
          ...(body.note ? { note: body.note } : {}),
        });
        const valid = result.problems.length === 0 && result.failedTests.length === 0;
        // A dry run shows the impact even when saved test cases fail (the files load; the cases may be what is out of date).
        const impact = before && result.problems.length === 0 ? await impactOf(services, files, before) : [];
        return {
          valid,
          dryRun,
          problems: [...result.problems.map(toDetail), ...result.failedTests],
          changes: result.changes,
          // Record by record only to callers who may read those records; counts to everyone.
          ...impactFor(principal, impact, before ?? []),
        };
      },
    }),
    route(api.pack.pull, {
      access: { roles: ['admin'], scope: 'definitions:read' },
      summary: 'Pull every published file (latest versions), as path and content',
      handler: async () => {
        const pack = await services.definitions.publishedPack();
        const files: { path: string; content: string }[] = [];
        const add = (path: string, definition: unknown) => files.push({ path, content: JSON.stringify(definition, null, 2) + '\n' });
        for (const [id, e] of pack.forms) add(`schemas/${id}.form.json`, e.definition);
        for (const [id, e] of pack.ruleSets)
          add(
            `rules/${e.definition.form}/${id.startsWith(`${e.definition.form}.`) ? id.slice(e.definition.form.length + 1) : id}.rules.json`,
            e.definition,
          );
        for (const [id, e] of pack.calendars) add(`rules/calendars/${id}.calendar.json`, e.definition);
        if (pack.roles) add('rules/roles.json', pack.roles.definition);
        return { files };
      },
    }),
  ];
}

/** The 20 most recent records' outcomes now. */
async function impactBase(services: Services) {
  const { items } = await services.store.listRecords({ limit: 20, offset: 0 });
  return items;
}

/** How the pushed files would change recent records: the published policy now against the pushed policy now. */
async function impactOf(services: Services, files: PackFile[], records: Awaited<ReturnType<typeof impactBase>>) {
  const { pack } = await services.definitions.check(files);
  return pushImpact(services.store, records, await services.definitions.publishedPack(), pack, services.clock());
}
