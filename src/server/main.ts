// The command line's entry point (`npm run knooppunt`, `npm start`): runs one command and exits with its code.
import { KEEP_RUNNING, runCommand } from './commands.ts';

const code = await runCommand(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  env: process.env,
});
if (code !== KEEP_RUNNING) process.exit(code);
