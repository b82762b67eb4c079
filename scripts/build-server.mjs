// The server compiled ahead of time: every file of src/server becomes its own ES module in dist/server, with
// the same folder layout, so that paths relative to a file (migrations, data, package.json, the map's assets)
// hold in both trees and the command line loads only the files its command imports.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const sourceDir = path.join(root, 'src', 'server');
const defaultOutDir = path.join(root, 'dist', 'server');
export const COMPILED_MAIN = path.join(defaultOutDir, 'main.js');
const packageJson = path.join(root, 'package.json');

const isShipped = (file) => !/\.test\.ts$/.test(file) && !file.split(path.sep).includes('fixtures');

function filesUnder(dir) {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((entry) => {
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    return entry.isFile() && isShipped(path.relative(sourceDir, file)) ? [file] : [];
  });
}

/** True when dist/server was built after every server source file and package.json last changed. */
export function serverBuildIsCurrent() {
  let builtAt;
  try {
    builtAt = fs.statSync(COMPILED_MAIN).mtimeMs;
  } catch {
    return false;
  }
  const inputs = [packageJson, ...filesUnder(sourceDir)];
  return inputs.every((file) => fs.statSync(file).mtimeMs <= builtAt);
}

/** Relative imports stay imports of the sibling compiled file; packages stay in node_modules. */
const keepImports = {
  name: 'keep-imports',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      if (/^\.\.?\//.test(args.path)) return { path: args.path.replace(/\.tsx?$/, '.js'), external: true };
      return { path: args.path, external: true };
    });
  },
};

/**
 * Compiles into dist/server, or into another folder directly under dist/ (the smoke test's own): paths
 * relative to a compiled file assume it sits two folders below the project root, as in src/server.
 */
export async function buildServer(outDir = defaultOutDir) {
  if (path.dirname(path.resolve(outDir)) !== path.join(root, 'dist'))
    throw new Error(`${outDir} must be a folder directly under dist/`);
  const { build } = await import('esbuild');
  const files = filesUnder(sourceDir);
  fs.rmSync(outDir, { recursive: true, force: true });
  await build({
    entryPoints: files.filter((f) => f.endsWith('.ts')),
    outbase: sourceDir,
    outdir: outDir,
    bundle: true,
    plugins: [keepImports],
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  for (const file of files.filter((f) => !f.endsWith('.ts'))) {
    const target = path.join(outDir, path.relative(sourceDir, file));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(file, target);
  }
  // main.js is touched last: its time stamp says when the whole build was complete.
  const now = new Date();
  fs.utimesSync(path.join(outDir, 'main.js'), now, now);
}

/** Builds dist/server unless it is current. */
export async function ensureServerBuild() {
  if (!serverBuildIsCurrent()) await buildServer();
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  await buildServer();
}
