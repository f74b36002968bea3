import type { Pack, PackFile } from '@aftersales/engine';
import { AppError } from '../../errors/AppError.js';
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
      throw new AppError('unprocessable', `${draft.kind} "${draft.id}" has no draft to replay`, {
        messageZh: '没有可预览的草稿',
        details: [{ pointer: '/draft/id', message: 'has no draft', messageZh: '没有草稿' }],
      });
    if ((definition as { id?: unknown }).id !== draft.id)
      throw new AppError('bad_request', `the definition's id must be "${draft.id}"`, {
        messageZh: `定义的编号须为“${draft.id}”`,
        details: [{ pointer: '/draft/definition/id', message: `must be "${draft.id}"`, messageZh: `须为“${draft.id}”` }],
      });
    files = [fileOf(draft.kind, definition)];
  }
  const { problems, pack } = await definitions.check(files);
  if (problems.length > 0)
    throw new AppError('unprocessable', `the draft has ${problems.length} problems`, {
      messageZh: `草稿有 ${problems.length} 个问题`,
      details: problems.map(toDetail),
    });
  return pack;
}
