/** A failure the CLI reports in one line and ends with an exit code (2: usage or input, 1: checks failed). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
  }
}
