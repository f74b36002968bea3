import { Command, CommanderError } from 'commander';
import { pickText } from '@aftersales/engine';
import { cliLocale } from './cliLocale.js';
import { CliError } from './CliError.js';
import { processIo, type Io } from './Io.js';
import { evaluateCommand } from './commands/evaluate.js';
import { validateCommand } from './commands/validate.js';
import { pushCommand } from './commands/push.js';
import { pullCommand } from './commands/pull.js';

/** Runs the `aftersales` CLI; resolves to the process exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let exitCode = 0;
  const program = new Command('aftersales')
    .description('After-sales Policy Studio: check, evaluate, push and pull policy packs')
    .option('--lang <locale>', 'message language: zh-CN or en (default from LANG)')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });

  program
    .command('validate')
    .description('check pack files (forms, rule sets, calendars, roles); exit 1 when any problem is found')
    .argument('[paths...]', 'files or folders (default: the built-in schemas/ and rules/)')
    .option('--json', 'machine-readable output')
    .action(async (paths: string[], options: { json?: boolean }) => {
      exitCode = await validateCommand(paths, { ...options, locale: cliLocale(program.opts<{ lang?: string }>().lang, io) }, io);
    });

  program
    .command('evaluate')
    .description('validate a record and print what the policy says about it, with the explanation')
    .requiredOption('--form <id>', 'form id, e.g. after-sales-record')
    .requiredOption('--record <file>', 'record data (JSON)')
    .option('--now <time>', 'evaluation time (ISO 8601); default: now')
    .option('--status <status>', "record status; default: the form's initial status")
    .option('--history <file>', 'history fact values (JSON: { ruleSetId: { fact: value } })')
    .option('--pack <paths...>', 'pack files or folders (default: the built-in pack)')
    .option('--json', 'machine-readable output')
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
        exitCode = await evaluateCommand({ ...options, locale: cliLocale(program.opts<{ lang?: string }>().lang, io) }, io);
      },
    );

  const remote = (command: Command) =>
    command
      .option('--server <url>', 'server URL (default: $AFTERSALES_SERVER)')
      .option('--key <key>', 'integrator API key (default: $AFTERSALES_API_KEY)')
      .option('--json', 'machine-readable output');
  const locale = () => cliLocale(program.opts<{ lang?: string }>().lang, io);

  remote(
    program
      .command('push')
      .description('publish pack files (all or nothing); --dry-run shows problems, changes and the impact on recent records')
      .argument('[paths...]', 'files or folders (default: schemas rules)')
      .option('--dry-run', 'check and compare only; nothing is published')
      .option(
        '--since <window>',
        'with --dry-run: the impact over the stored records of a window (90d, 365d, all); the key needs records:read',
      ),
  ).action(async (paths: string[], options: { server?: string; key?: string; json?: boolean; dryRun?: boolean; since?: string }) => {
    exitCode = await pushCommand(paths, { ...options, locale: locale(), mode: 'push' }, io);
  });

  remote(
    program
      .command('diff')
      .description('compare local files with the published ones; exit 1 when anything differs')
      .argument('[paths...]', 'files or folders (default: schemas rules)'),
  ).action(async (paths: string[], options: { server?: string; key?: string; json?: boolean }) => {
    exitCode = await pushCommand(paths, { ...options, locale: locale(), mode: 'diff' }, io);
  });

  remote(
    program.command('pull').description('write the published pack files under a folder').argument('[dir]', 'target folder (default: .)'),
  ).action(async (dir: string | undefined, options: { server?: string; key?: string; json?: boolean }) => {
    exitCode = await pullCommand(dir, { ...options, locale: locale() }, io);
  });

  program
    .command('serve')
    .description('start the server (configuration from the environment: PORT, HOST, DATA_DIR, STORE, MONGODB_URI)')
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
      io.err(`aftersales: ${pickText(error.text, locale())}`);
      return error.exitCode;
    }
    throw error;
  }
}
