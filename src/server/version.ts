import fs from 'node:fs';

/** The release, from package.json (two folders up from both src/server and the compiled dist/server). */
export const VERSION: string = JSON.parse(
  fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
).version;
