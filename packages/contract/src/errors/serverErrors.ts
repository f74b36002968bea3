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
  'user.reservedName': e(
    'conflict',
    '用户名“{username}”为系统保留，请换一个',
    'the user name "{username}" is kept for the system; choose another',
  ),
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
  'record.noSuchMove': e('unprocessable', '状态不能从“{fromZh}”改为“{toZh}”', 'the status cannot go from "{fromEn}" to "{toEn}"'),
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
  // details: what is wrong with one field (a detail's `code` is its key unless the thrower names another)
  'detail.required': e('validation_failed', '必填', 'required'),
  'detail.fill': e('validation_failed', '请填写{fieldZh}', 'required'),
  'detail.mustBe': e('validation_failed', '须为“{value}”', 'must be "{value}"'),
  'detail.minLength': e('validation_failed', '至少 {min} 个字符', 'at least {min} characters'),
  'detail.localDate': e('validation_failed', '年-月-日', 'YYYY-MM-DD'),
  'detail.fieldPath': e('validation_failed', '字段名，如 zone 或 customer.city', 'a field path such as zone or customer.city'),
  'detail.readOnly': e('conflict', '处于最终状态的记录只读', 'a record in a final state is read-only'),
  'detail.isReversal': e('unprocessable', '这是一条冲销记录', 'is a reversal'),
  'detail.sameAmount': e('unprocessable', '与原金额相同', 'same as posted'),
  'detail.otherAdmin': e('unprocessable', '需由其他管理员操作', 'another administrator must do it'),
  'detail.approverIsCreator': e('forbidden', '审批人是记录的提交人', 'approver is the record creator'),
  // impact replay
  'impact.filesRequired': e('bad_request', '请提供要推送的文件', 'a pack draft needs files'),
  'impact.idRequired': e('bad_request', '请指明草稿所属的文档', 'the draft needs the id of the document'),
  'impact.badWindow': e('bad_request', '时间范围须为“全部”或 1 到 {max} 天', 'since must be "all" or 1d to {max}d'),
  'impact.tooManyRecords': e(
    'unprocessable',
    '该时间范围内有 {total} 条记录，超过上限 {max} 条，请缩短时间范围',
    'the window holds {total} records, more than {max}: choose a shorter one',
  ),
  'impact.atMost': e('unprocessable', '最多 {max} 条记录', 'at most {max} records'),
  'impact.noDraft': e('unprocessable', '没有可预览的草稿', '{kind} "{id}" has no draft to replay'),
  'impact.noDraftHere': e('unprocessable', '没有草稿', 'has no draft'),
  'impact.idMismatch': e('bad_request', '定义的编号须为“{id}”', 'the definition\'s id must be "{id}"'),
  'impact.draftProblems': e('unprocessable', '草稿有 {count} 个问题', 'the draft has {count} problems'),
  'impact.failed': e('internal', '影响分析失败', 'the replay failed'),
  // notice addresses (SSRF care)
  'url.notUrl': e('validation_failed', '通知地址被拒绝：不是有效的网址', 'notice address refused: not a URL'),
  'url.scheme': e('validation_failed', '通知地址被拒绝：只允许 http 或 https 地址', 'notice address refused: only http and https'),
  'url.credentials': e(
    'validation_failed',
    '通知地址被拒绝：网址中不能含用户名或密码',
    'notice address refused: no user name or password in the URL',
  ),
  'url.hostNotFound': e('validation_failed', '通知地址被拒绝：找不到主机 {host}', 'notice address refused: the host {host} is not found'),
  'url.internalHost': e(
    'validation_failed',
    '通知地址被拒绝：主机 {host} 是内部地址，须由管理员加入允许列表（NOTICE_ALLOW_HOSTS）',
    'notice address refused: the host {host} is an internal address; an administrator may allow it (NOTICE_ALLOW_HOSTS)',
  ),
  'channel.unknownEvent': e('validation_failed', '未知的通知类型', 'unknown event'),
  // people and person fields
  'person.unknown': e(
    'validation_failed',
    '“{labelZh}”请从本店人员名单中选择（“{value}”不在名单中）',
    '{labelEn}: pick one of the store\'s people from the list ("{value}" is not one of them)',
  ),
  'people.unknown': e('validation_failed', '{fieldsZh}：请从本店人员名单中选择', '{fieldsEn}: pick people of the store from the list'),
  'dispatch.nobodyHoldsRole': e('validation_failed', '本店没有可派工的人员账号', 'nobody of this store holds the role'),
  'dispatch.pickPerson': e('validation_failed', '请从本店人员名单中选择', "pick one of the store's people"),
  // field access
  'field.locked': e('forbidden', '“{labelZh}”{stateZh}只能由{rolesZh}修改', '"{labelEn}" can only be changed by {rolesEn}{stateEn}'),
  'fields.locked': e('forbidden', '{fieldsZh}：你不能修改', 'you may not change {fieldsEn}'),
  // list filters
  'query.notAField': e('bad_request', '“{name}”须为表单字段名', 'query parameter "{name}" must name a field of the form (names with dots)'),
  'query.notADate': e(
    'bad_request',
    '“{nameZh}”须为日期（年-月-日）',
    'query parameter "{name}" must be a date (YYYY-MM-DD, in the store\'s time zone) or a date-time with its offset',
  ),
  'dateField.needsForm': e('bad_request', '按字段筛选日期时须先选择表单', 'dateField needs a form (form=...)'),
  'dateField.unknown': e('bad_request', '表单中没有字段“{field}”', 'form "{form}" has no field "{field}"'),
  'dateField.notADate': e('bad_request', '字段“{field}”不是日期或时间', 'field "{field}" is not a date or a date-time'),
  // the password policy
  'password.tooShort': e('validation_failed', '密码至少需要 {min} 个字符', 'the password needs at least {min} characters'),
  'password.onlySpaces': e('validation_failed', '密码不能全是空格', 'the password cannot be only spaces'),
  'password.fewCharacters': e(
    'validation_failed',
    '密码中不同的字符太少（不能只重复一两个字符）',
    'the password repeats too few different characters',
  ),
  'password.sequence': e('validation_failed', '密码不能是 1234567890 这类简单序列', 'the password is a simple sequence such as 1234567890'),
  'password.name': e('validation_failed', '密码不能是用户名或显示名称', "the password cannot be the person's user name or display name"),
  'password.guessable': e(
    'validation_failed',
    '密码太容易被猜到（常见密码、单词或规律）；请用更长、由不相关词语组成的短语',
    'the password is too easy to guess (a common password, word or pattern); use a longer phrase of unrelated words',
  ),
  // not found, and requests that name nothing
  'record.notFound': e('not_found', '记录不存在', 'record "{id}" does not exist'),
  'record.noFlow': e('unprocessable', '表单“{form}”没有状态流程', 'form "{form}" has no status flow'),
  'record.invalid': e('validation_failed', '记录不符合表单', 'the record does not fit its form'),
  'approval.notFound': e('not_found', '审批不存在', 'approval "{id}" does not exist'),
  'approval.notApprover': e('forbidden', '只有审批角色“{approver}”可以处理此审批', 'only the {approver} may decide this approval'),
  'approval.pending': e('approval_required', '需审批（{roleZh}）：{reasonZh}', 'needs approval of {roleEn}: {reasonEn}'),
  'approval.rejected': e('approval_required', '已被驳回（{roleZh}）：{reasonZh}', 'rejected by {roleEn}: {reasonEn}'),
  'definition.notFound': e('not_found', '文档不存在', '{kind} "{id}" does not exist'),
  'definition.noDraft': e('not_found', '没有草稿', '{kind} "{id}" has no draft'),
  'definition.noVersion': e('not_found', '第 {version} 版不存在', '{kind} "{id}" has no version {version}'),
  'definition.idRequired': e('bad_request', '定义须有编号（id）', 'the definition needs a string "id"'),
  'definition.idMismatch': e('bad_request', '定义的编号须为“{id}”', 'the definition\'s id must be "{id}"'),
  'form.notPublished': e('not_found', '表单“{form}”尚未发布', 'form "{form}" is not published'),
  'version.notFound': e('not_found', '第 {version} 版不存在', 'version {version} does not exist'),
  'roles.notPublished': e('not_found', '尚未发布角色文件', 'no roles file is published'),
  'apiKey.notFound': e('not_found', 'API 密钥不存在', 'no such API key'),
  'file.notFound': e('not_found', '文件不存在', 'file "{id}" does not exist'),
  'file.empty': e('bad_request', '文件是空的', 'the file is empty'),
  'file.notBytes': e('bad_request', '请把文件作为请求内容发送', 'send the file as the body'),
  'delivery.notFound': e('not_found', '发送记录不存在', 'delivery "{id}" does not exist'),
  'query.required': e('bad_request', '缺少查询参数“{name}”', 'query parameter "{name}" is required'),
  'query.badMonth': e('bad_request', '月份须为 年-月', 'month must be YYYY-MM'),
  'query.badFormat': e('bad_request', '格式须为 csv 或 xlsx', 'format must be csv or xlsx'),
  'query.badLocale': e('bad_request', '语言须为 {locales} 之一', 'query parameter "locale" must be one of {locales}'),
  'query.twoVersions': e('bad_request', '请给出要比较的两个版本', 'give the two versions to compare: ?from=<version>&to=<version>'),
  'detail.unknownLocale': e('bad_request', '未知的语言', 'unknown locale'),
  'detail.oneOf': e('bad_request', '须为 {values} 之一', '{values}'),
  // saved test cases of a rule set that fail on publish
  'test.invalidSample': e('unprocessable', '{nameZh}：示例记录不符合表单', '{nameEn}: sample record invalid'),
  'test.firing': e(
    'unprocessable',
    '{nameZh}：应触发而未触发 {missingZh}，不应触发而触发 {unexpectedZh}',
    '{nameEn}: missing {missingEn}, unexpected {unexpectedEn}',
  ),
  'test.valueDiffers': e('unprocessable', '{nameZh}：{zh}', '{nameEn}: {en}'),
  // h-links: linked records and PDF
  'link.unknownRecord': e(
    'validation_failed',
    '“{fieldZh}”请从本店的{formZh}中选择',
    '{fieldEn}: pick one of the store\'s records of "{formEn}"',
  ),
  'pdf.busy': e('too_many_requests', '正在生成其他 PDF，请稍后再试', 'other PDFs are being made; try again in a moment'),
  'pdf.tooLarge': e(
    'payload_too_large',
    '记录内容过多，无法生成 PDF（超过 {limit}）',
    'the record is too large for a PDF (more than {limit})',
  ),
  // h15b: request parsing and access (http/createRouter, validateInput, query, cursor, errorHandler)
  'request.noRoute': e('not_found', '请求的接口不存在', 'no route {method} {path}'),
  'auth.required': e('unauthenticated', '请先登录', 'sign in or send an API key'),
  'auth.notAllowed': e('forbidden', '{whoZh}无权执行此操作', '{method} {path} is not allowed for this {whoEn}'),
  'request.notJson': e('bad_request', '修改请求须以 JSON 格式发送', 'writes must send Content-Type: application/json'),
  'upload.wrongType': e(
    'bad_request',
    '请把文件作为请求内容发送，类型须为 {types} 之一',
    'send the file as the body with Content-Type one of: {types}',
  ),
  'query.operator': e('bad_request', '查询参数“{name}”不被接受', 'query parameter "{name}" is not accepted'),
  'query.invalid': e('bad_request', '查询参数“{name}”无效：{problemZh}', 'query parameter "{name}" is not valid: {problemEn}'),
  'query.notFinite': e(
    'bad_request',
    '查询参数“{name}”无效：须为有限的数字',
    'query parameter "{name}" is not valid: must be a finite number',
  ),
  'params.invalid': e('bad_request', '路径参数无效', 'a path parameter is not valid'),
  'body.invalid': e('validation_failed', '请求内容不符合要求', 'the request body is not valid'),
  'body.unsafe': e('bad_request', '请求内容不被接受：{problemZh}', 'forbidden content in the body: {problemEn}'),
  'body.notJson': e('invalid_json', '请求内容不是有效的 JSON', 'the body is not valid JSON: {problem}'),
  'body.badEncoding': e('bad_request', '不支持的请求内容编码', 'unsupported body encoding'),
  'server.internal': e('internal', '服务器内部错误，请稍后再试', 'internal error'),
  'detail.noOperators': e('bad_request', '查询参数中不能使用运算符', 'operators are not accepted in query parameters'),
  'detail.finite': e('bad_request', '须为有限的数字', 'must be a finite number'),
  'detail.badCursor': e('bad_request', '分页位置无效', 'invalid cursor'),
  'detail.keepAdmin': e('unprocessable', '须保留管理员角色', 'keep admin'),
  'detail.yourStores': e('forbidden', '须为你所属的门店之一：{stores}', 'one of your stores: {stores}'),
  'detail.allowedMoves': e('unprocessable', '可改为：{targetsZh}', 'it can go to: {targetsEn}'),
  'detail.contentLooksLike': e('unprocessable', '文件内容看起来是 {mime}', 'content looks like {mime}'),
  'detail.unknownContent': e('unprocessable', '无法识别文件内容', 'content looks like unknown data'),
  'detail.pickLinkedRecord': e('validation_failed', '请从本店的{formZh}中选择', 'pick one of the store\'s records of "{formEn}"'),
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
