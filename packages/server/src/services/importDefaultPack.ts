import { DEFAULT_PACK_NOTE, SYSTEM_ACTOR } from '@aftersales/contract';
import { defaultPackDirs, readPackFiles } from '@aftersales/engine/node';
import type { DefinitionService } from './DefinitionService.js';
import type { DefinitionsRepository } from '../store/ports/DefinitionsRepository.js';

/** The repositories this service uses (services take only the ports they use; see store/ports/). */
type StorePorts = DefinitionsRepository;

/** On first start (nothing published yet), imports and publishes the default policy pack. */
export async function importDefaultPack(
  store: StorePorts,
  definitions: DefinitionService,
  dirs: string[] = defaultPackDirs(),
): Promise<{ imported: number; problems: string[] } | null> {
  if ((await store.listDocuments('form')).length > 0) return null;
  const files = await readPackFiles(dirs);
  const { problems, failedTests, changes } = await definitions.pushFiles(files, SYSTEM_ACTOR, { dryRun: false, note: DEFAULT_PACK_NOTE });
  return {
    imported: problems.length === 0 && failedTests.length === 0 ? changes.length : 0,
    problems: [
      ...problems.map((p) => `${p.file}:${p.line ?? 1} ${p.pointer} ${p.code} ${p.message.en}`),
      ...failedTests.map((d) => `${d.file} ${d.pointer} ${d.code} ${d.message}`),
    ],
  };
}
