// `npm start`: build the web UI when its sources changed, then run the server: in production the compiled
// dist/server (built here when it is missing or older than its sources), elsewhere the TypeScript sources
// through tsx.
import { COMPILED_MAIN, ensureServerBuild } from './build-server.mjs';
import { ensureWebBuild } from './ensure-web-build.mjs';

await ensureWebBuild();
if (process.env.NODE_ENV === 'production') {
  await ensureServerBuild();
  await import(COMPILED_MAIN);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/server/main.ts');
}
