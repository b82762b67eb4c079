// `npm run knooppunt`: the compiled command line when dist/server is current (it starts in a fraction of a
// second), else the TypeScript sources through tsx, so that a checkout without a build still works.
import { COMPILED_MAIN, serverBuildIsCurrent } from './build-server.mjs';

if (serverBuildIsCurrent()) {
  await import(COMPILED_MAIN);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/server/main.ts');
}
