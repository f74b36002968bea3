import type { LocalizedText } from '@aftersales/engine';

/** The kinds of failure the API answers with; each maps to one HTTP status on the server (errors/AppError.ts). */
export type ErrorKind =
  | 'bad_request'
  | 'invalid_json'
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'too_many_requests'
  | 'quota_exceeded'
  | 'unprocessable'
  | 'approval_required'
  | 'blocked'
  | 'internal';

interface Entry<Zh extends string, En extends string> {
  kind: ErrorKind;
  'zh-CN': Zh;
  en: En;
}

/** The `{name}` placeholders of a template, as a union of names. */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

const e = <const Zh extends string, const En extends string>(kind: ErrorKind, zh: Zh, en: En): Entry<Zh, En> => ({
  kind,
  'zh-CN': zh,
  en,
});

/**
 * Every failure the server reports by name, with its kind (which decides the HTTP status) and its
 * message in both languages; `{name}` is filled from the error's params. Services and store
 * adapters throw `new DomainError(code, params)` (server `errors/DomainError.ts`); the web app shows
 * `serverErrorMessage(code, params)` in the person's language.
 */
export const serverErrors = {
  'auth.wrongPassword': e('unauthenticated', '用户名或密码错误', 'wrong user name or password'),
  'auth.deactivated': e('forbidden', '此账号已停用，请联系管理员', 'this account is deactivated; ask an administrator'),
  'auth.tooManyAttempts': e(
    'too_many_requests',
    '登录尝试次数过多，请 {minutes} 分钟后再试',
    'too many sign-in attempts; try again in {minutes} minute{plural}',
  ),
  'auth.crossSite': e(
    'forbidden',
    '请求被拒绝：登录状态下的修改请求须来自本系统页面（可能是其他网站发起的伪造请求）',
    'a signed-in write must send Content-Type: application/json or the header {header}: {value}',
  ),
  'user.notFound': e('not_found', '用户不存在', 'user "{id}" does not exist'),
  'user.exists': e('conflict', '用户名“{username}”已被使用', 'user "{username}" exists'),
  'user.keepOwnAdmin': e('unprocessable', '不能取消自己的管理员角色', 'you cannot take the admin role from yourself'),
  'user.deactivateSelf': e('unprocessable', '不能停用自己的账号', 'you cannot deactivate yourself'),
  'record.notInStore': e('forbidden', '你不属于门店“{store}”，不能为其创建记录', 'you do not belong to store "{store}"'),
  'record.fileUnknown': e(
    'validation_failed',
    '“{fieldZh}”中的文件不存在，请重新拍照或上传',
    '{fieldEn}: the file does not exist; take or upload it again',
  ),
  'record.fileNotYours': e(
    'validation_failed',
    '“{fieldZh}”中的文件不是你上传的，也不属于本店的记录，不能附在这条记录上',
    '{fieldEn}: the file was neither uploaded by you nor attached to a record of this store',
  ),
  'record.fileNotPhoto': e(
    'validation_failed',
    '“{fieldZh}”只能放照片（这个文件是 {type}）',
    '{fieldEn} takes photos only (this file is {type})',
  ),
  'record.stale': e('conflict', '记录已被他人修改，请刷新后再试', 'the record is at revision {current}, not {given}; reload it'),
  'record.changedMeanwhile': e(
    'conflict',
    '记录已被他人修改，请刷新后再试',
    'the record was changed by someone else; reload it and try again',
  ),
  'record.noSuchMove': e('unprocessable', '状态不能从“{from}”改为“{to}”', 'no transition from "{from}" to "{to}"'),
  'record.guarded': e('approval_required', '{zh}', '{en}'),
  'list.badCursor': e(
    'bad_request',
    '分页位置无效，请从第一页重新开始',
    'query parameter "cursor" is not a cursor of this list; start from the first page',
  ),
  'definition.exists': e('conflict', '编号“{id}”已被使用', '{kind} "{id}" exists already'),
  'definition.noDraftToPublish': e('unprocessable', '没有可发布的草稿', '{kind} "{id}" has no draft to publish'),
  'definition.problems': e('unprocessable', '有 {count} 个问题', '{kind} "{id}" has {count} problems'),
  'definition.testsFail': e('unprocessable', '{count} 个已保存的测试用例未通过', '{count} saved test case(s) fail'),
  'form.cannotValidate': e(
    'unprocessable',
    '表单“{form}”第 {version} 版无法校验记录：{detail}',
    'form "{form}" version {version} cannot check records: {detail}',
  ),
  'calendar.noDraftToPreview': e('unprocessable', '没有可预览的草稿', 'calendar "{id}" has no draft to preview'),
  'calendar.idMismatch': e('bad_request', '日历编号须为“{id}”', 'the definition\'s id must be "{id}"'),
  'fine.notFound': e('not_found', '罚款记录不存在', 'fine "{id}" does not exist'),
  'fine.reverseReversal': e('unprocessable', '冲销记录不能再冲销', 'a reversal cannot be reversed; correct the original fine instead'),
  'fine.reasonRequired': e('validation_failed', '请填写原因', 'a reason is required'),
  'fine.sameAmount': e('unprocessable', '更正后的金额与原金额相同', 'the corrected amount equals the posted one'),
  'fine.reversedBefore': e('conflict', '这笔罚款已冲销过，不能再次冲销', 'this fine was reversed before'),
  'record.final': e('conflict', '记录已{stateZh}，不能再修改', 'the record is {stateEn}: it can no longer be edited'),
  'record.blocked': e('blocked', '{zh}', '{en}'),
  'form.versionCannotValidate': e(
    'unprocessable',
    '表单“{form}”第 {version} 版无法校验记录：{detail}；请发布修正后的版本',
    'form "{form}" version {version} cannot check records: {detail}; publish a corrected version',
  ),
  'file.typeMismatch': e(
    'unprocessable',
    '文件内容与类型 {declared} 不符（可上传 JPEG、PNG、WebP、GIF、HEIC 图片或 PDF）',
    'the file is not a {declared} (accepted: {accepted})',
  ),
  'file.quotaFiles': e(
    'quota_exceeded',
    '上传已达上限：24 小时内最多 {files} 个文件，请稍后再试',
    'upload quota reached: at most {files} files in 24 hours; try again later',
  ),
  'file.quotaBytes': e(
    'quota_exceeded',
    '上传已达上限：24 小时内最多 {limit}（已用 {used}），请稍后再试',
    'upload quota reached: at most {limit} in 24 hours (used {used})',
  ),
  'approval.ownRecord': e(
    'forbidden',
    '不能审批自己提交的记录，须由他人审批',
    'you created this record: someone else must decide its approval',
  ),
  'approval.alreadyApproved': e('conflict', '该审批已被批准', 'the approval was already approved'),
  'approval.alreadyRejected': e('conflict', '该审批已被驳回', 'the approval was already rejected'),
  'approval.decidedMeanwhile': e('conflict', '该审批刚被他人处理', 'the approval was decided meanwhile'),
  'approval.notWithdrawable': e('conflict', '该审批已处理，不能撤回', 'the approval was already {state}'),
  'approval.stillAsked': e(
    'conflict',
    '按当前政策该记录仍需此审批，只能由审批人处理，不能撤回',
    'the record still needs this approval under its policy: an approver must decide it',
  ),
  'body.tooLarge': e('payload_too_large', '内容超过 {limit} 上限', 'the body is larger than {limit}'),
  // fieldwork: dispatch and notice channels
  'dispatch.notDispatched': e('unprocessable', '“{formZh}”不派工给个人', 'records of "{formEn}" are not dispatched to a person'),
  'dispatch.notAllowed': e('forbidden', '只有{rolesZh}或经理可以派工', 'only {rolesEn} or a manager may dispatch'),
  'dispatch.unknownPerson': e(
    'validation_failed',
    '请从本店可派工的人员中选择',
    '"{assignee}" is not one of the people this record can be dispatched to',
  ),
  'channel.notFound': e('not_found', '通知渠道不存在', 'channel "{id}" does not exist'),
  'channel.configMissing': e('validation_failed', '请填写{fieldZh}', 'config.{key} is required for a {kind} channel'),
  'channel.secretTooShort': e('validation_failed', '签名密钥至少 16 个字符', 'a webhook needs a signing secret of at least 16 characters'),
} as const;

export type ServerErrorCode = keyof typeof serverErrors;

/** The params of an error: one value per `{name}` of its messages. */
export type ServerErrorParams<C extends ServerErrorCode> = Record<
  Placeholders<(typeof serverErrors)[C]['en']> | Placeholders<(typeof serverErrors)[C]['zh-CN']>,
  string | number
>;

const fill = (template: string, params: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? ''));

export function isServerErrorCode(code: unknown): code is ServerErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(serverErrors, code);
}

/** The message of an error in both languages, from its code and params. */
export function serverErrorMessage<C extends ServerErrorCode>(code: C, params: ServerErrorParams<C>): LocalizedText {
  const entry = serverErrors[code];
  const values = params as Record<string, string | number>;
  return { 'zh-CN': fill(entry['zh-CN'], values), en: fill(entry.en, values) };
}
