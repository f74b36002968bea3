import type { LocalizedText } from '@aftersales/engine';

const text = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

/** What `aftersales --help` and each command's `--help` say, in both languages. */
export const HELP = {
  program: text('售后政策工作室：检查、试算、推送和拉取政策包', 'After-sales Policy Studio: check, evaluate, push and pull policy packs'),
  lang: text('提示语言：zh-CN 或 en（默认按 LANG）', 'message language: zh-CN or en (default from LANG)'),
  help: text('显示命令的帮助', 'display help for command'),
  validate: {
    description: text(
      '检查政策包文件（表单、规则集、日历、角色）；有问题时退出码为 1',
      'check pack files (forms, rule sets, calendars, roles); exit 1 when any problem is found',
    ),
    paths: text('文件或文件夹（默认：内置的 schemas/ 和 rules/）', 'files or folders (default: the built-in schemas/ and rules/)'),
  },
  evaluate: {
    description: text(
      '校验一条记录，并打印政策对它的结论和解释',
      'validate a record and print what the policy says about it, with the explanation',
    ),
    form: text('表单编号，例如 after-sales-record', 'form id, e.g. after-sales-record'),
    record: text('记录数据（JSON 文件）', 'record data (JSON)'),
    now: text('试算时刻（ISO 8601）；默认：现在', 'evaluation time (ISO 8601); default: now'),
    status: text('记录状态；默认：表单的初始状态', "record status; default: the form's initial status"),
    history: text('历史事实的值（JSON：{ 规则集编号: { 事实: 值 } }）', 'history fact values (JSON: { ruleSetId: { fact: value } })'),
    pack: text('政策包文件或文件夹（默认：内置政策包）', 'pack files or folders (default: the built-in pack)'),
  },
  json: text('机器可读的输出', 'machine-readable output'),
  server: text('服务器地址（默认：$AFTERSALES_SERVER）', 'server URL (default: $AFTERSALES_SERVER)'),
  key: text('集成方 API 密钥（默认：$AFTERSALES_API_KEY）', 'integrator API key (default: $AFTERSALES_API_KEY)'),
  push: {
    description: text(
      '发布政策包文件（全部成功或全部不发布）；--dry-run 显示问题、改动和对近期记录的影响',
      'publish pack files (all or nothing); --dry-run shows problems, changes and the impact on recent records',
    ),
    dryRun: text('只检查和对比，不发布', 'check and compare only; nothing is published'),
    since: text(
      '与 --dry-run 一起用：对一个时间窗内已存记录的影响（90d、365d、all）；密钥需要 records:read',
      'with --dry-run: the impact over the stored records of a window (90d, 365d, all); the key needs records:read',
    ),
  },
  paths: text('文件或文件夹（默认：schemas rules）', 'files or folders (default: schemas rules)'),
  diff: text('把本地文件和已发布的对比；有不同时退出码为 1', 'compare local files with the published ones; exit 1 when anything differs'),
  pull: {
    description: text('把已发布的政策包文件写到一个文件夹下', 'write the published pack files under a folder'),
    dir: text('目标文件夹（默认：当前文件夹）', 'target folder (default: .)'),
  },
  serve: text(
    '启动服务器（配置取自环境变量：PORT、HOST、DATA_DIR、STORE、MONGODB_URI）',
    'start the server (configuration from the environment: PORT, HOST, DATA_DIR, STORE, MONGODB_URI)',
  ),
} as const;
