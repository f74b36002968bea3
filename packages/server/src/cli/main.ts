import { Command, CommanderError } from 'commander';
import { pickText } from '@aftersales/engine';
import { cliLocale } from './cliLocale.js';
import { CliError } from './CliError.js';
import { commandLineMistake, helpTitle } from './commanderTexts.js';
import { HELP } from './helpTexts.js';
import { processIo, type Io } from './Io.js';
import { evaluateCommand } from './commands/evaluate.js';
import { validateCommand } from './commands/validate.js';
import { pushCommand } from './commands/push.js';
import { pullCommand } from './commands/pull.js';

/** Runs the `aftersales` CLI; resolves to the process exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let exitCode = 0;
  // Known before commander reads the line: its help and its mistakes are said in this language too.
  const locale = cliLocale(langOf(argv), io);
  const say = (text: Parameters<typeof pickText>[0]) => pickText(text, locale);
  const program = new Command('aftersales')
    .description(say(HELP.program))
    .option('--lang <locale>', say(HELP.lang))
    .helpOption('-h, --help', say(HELP.help))
    .helpCommand('help [command]', say(HELP.help))
    .configureHelp({ styleTitle: (title) => helpTitle(title, locale) })
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: (message, write) => write(commandLineMistake(message, locale)) });

  program
    .command('validate')
    .description(say(HELP.validate.description))
    .argument('[paths...]', say(HELP.validate.paths))
    .option('--json', say(HELP.json))
    .action(async (paths: string[], options: { json?: boolean }) => {
      exitCode = await validateCommand(paths, { ...options, locale }, io);
    });

  program
    .command('evaluate')
    .description(say(HELP.evaluate.description))
    .requiredOption('--form <id>', say(HELP.evaluate.form))
    .requiredOption('--record <file>', say(HELP.evaluate.record))
    .option('--now <time>', say(HELP.evaluate.now))
    .option('--status <status>', say(HELP.evaluate.status))
    .option('--history <file>', say(HELP.evaluate.history))
    .option('--pack <paths...>', say(HELP.evaluate.pack))
    .option('--json', say(HELP.json))
    .action(
      async (options: {
        form: string;
        record: string;
        now?: string;
        status?: string;
        history?: string;
        pack?: string[];
        json?: boolean;
      }) => {
        exitCode = await evaluateCommand({ ...options, locale }, io);
      },
    );

  const remote = (command: Command) =>
    command.option('--server <url>', say(HELP.server)).option('--key <key>', say(HELP.key)).option('--json', say(HELP.json));

  remote(
    program
      .command('push')
      .description(say(HELP.push.description))
      .argument('[paths...]', say(HELP.paths))
      .option('--dry-run', say(HELP.push.dryRun))
      .option('--since <window>', say(HELP.push.since)),
  ).action(async (paths: string[], options: { server?: string; key?: string; json?: boolean; dryRun?: boolean; since?: string }) => {
    exitCode = await pushCommand(paths, { ...options, locale, mode: 'push' }, io);
  });

  remote(program.command('diff').description(say(HELP.diff)).argument('[paths...]', say(HELP.paths))).action(
    async (paths: string[], options: { server?: string; key?: string; json?: boolean }) => {
      exitCode = await pushCommand(paths, { ...options, locale, mode: 'diff' }, io);
    },
  );

  remote(program.command('pull').description(say(HELP.pull.description)).argument('[dir]', say(HELP.pull.dir))).action(
    async (dir: string | undefined, options: { server?: string; key?: string; json?: boolean }) => {
      exitCode = await pullCommand(dir, { ...options, locale }, io);
    },
  );

  program
    .command('serve')
    .description(say(HELP.serve))
    .action(async () => {
      await import('../main.js');
      exitCode = await new Promise<number>(() => undefined);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof CliError) {
      io.err(`aftersales: ${say(error.text)}`);
      return error.exitCode;
    }
    throw error;
  }
}

/** The value of `--lang` on the command line (`--lang zh-CN` or `--lang=zh-CN`, before any `--`), if given. */
function langOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    const arg = argv[i]!;
    if (arg === '--lang') return argv[i + 1];
    if (arg.startsWith('--lang=')) return arg.slice('--lang='.length);
  }
  return undefined;
}
