import type { Pack, PackFile } from '@aftersales/engine';
import { DomainError } from '../../errors/DomainError.js';
import { domainDetail } from '../../errors/domainDetail.js';
import { fileOf, toDetail, type DefinitionService } from '../DefinitionService.js';
import type { ImpactDraft } from './ImpactRequest.js';

/**
 * The pack as it would be with the draft published: the published pack with the draft's files in
 * place, checked by the engine (a draft with problems is a 422 with each problem's pointer).
 */
export async function draftPack(definitions: DefinitionService, draft: ImpactDraft): Promise<Pack> {
  let files: PackFile[];
  if (draft.kind === 'pack') files = draft.files;
  else {
    const doc = await definitions.get(draft.kind, draft.id);
    const definition = draft.definition ?? doc.draft?.definition;
    if (definition === undefined)
      throw new DomainError(
        'impact.noDraft',
        { kind: draft.kind, id: draft.id },
        { details: [domainDetail('/draft/id', 'impact.noDraftHere', {})] },
      );
    if ((definition as { id?: unknown }).id !== draft.id)
      throw new DomainError(
        'impact.idMismatch',
        { id: draft.id },
        { details: [domainDetail('/draft/definition/id', 'detail.mustBe', { value: draft.id })] },
      );
    files = [fileOf(draft.kind, definition)];
  }
  const { problems, pack } = await definitions.check(files);
  if (problems.length > 0) throw new DomainError('impact.draftProblems', { count: problems.length }, { details: problems.map(toDetail) });
  return pack;
}
