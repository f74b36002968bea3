import { Command, CommanderError } from 'commander';
import { cliLocale } from './cliLocale.js';
import { CliError } from './CliError.js';
import { processIo, type Io } from './Io.js';
import { evaluateCommand } from './commands/evaluate.js';
import { validateCommand } from './commands/validate.js';

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

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof CliError) {
      io.err(`aftersales: ${error.message}`);
      return error.exitCode;
    }
    throw error;
  }
}
