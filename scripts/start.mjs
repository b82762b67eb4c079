// `npm start`: build the web UI when its sources changed, then run the server (TypeScript through tsx).
import { register } from 'tsx/esm/api';
import { ensureWebBuild } from './ensure-web-build.mjs';

await ensureWebBuild();
register();
await import('../src/server/main.ts');
