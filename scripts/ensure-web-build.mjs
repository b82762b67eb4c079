import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const builtIndex = path.join(root, 'dist', 'web', 'index.html');

/** Newest modification time of a file or of any file under a directory (0 when absent). */
function newestMtime(target) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) {
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** The web build depends on its own sources, the Vite config and the API schemas it imports. */
function sourceInputs() {
  const modulesDir = path.join(root, 'src', 'server', 'modules');
  const schemas = fs.existsSync(modulesDir)
    ? fs.readdirSync(modulesDir).map((name) => path.join(modulesDir, name, 'schema.ts'))
    : [];
  return [path.join(root, 'src', 'web'), path.join(root, 'vite.config.ts'), ...schemas];
}

/**
 * Builds the SPA into dist/web unless the existing build is newer than every input, so that
 * `npm start` and the browser tests always serve the current UI without rebuilding every time.
 */
export async function ensureWebBuild() {
  const builtAt = newestMtime(builtIndex);
  const inputsAt = Math.max(...sourceInputs().map(newestMtime));
  if (builtAt > 0 && builtAt >= inputsAt) return;
  const { build } = await import('vite');
  // Vite keeps an existing NODE_ENV (vitest sets "test"), which would ship React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(root, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await ensureWebBuild();
}
