// Runs the CLI from sources (`pnpm aftersales ...`); the built bin is bin/aftersales.js.
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
