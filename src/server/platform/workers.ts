import path from 'node:path';

/**
 * A worker thread's file beside the module that starts it: `name.ts` in the sources, `name.js` in the compiled
 * build (dist/server), whichever the caller itself is.
 */
export const workerFile = (name: string, callerUrl: string): URL =>
  new URL(`./${name}${path.extname(new URL(callerUrl).pathname)}`, callerUrl);

/**
 * The worker is TypeScript like the rest of the server. Under tsx the threads inherit its loader; under
 * another runner (Vitest) they would not, so tsx is added for them. Compiled workers need nothing.
 */
export function workerExecArgv(filename: URL): string[] {
  const inherited = process.execArgv;
  if (!filename.pathname.endsWith('.ts') || inherited.some((a) => a.includes('tsx'))) return inherited;
  return [...inherited, '--import', 'tsx'];
}
