import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The architecture's import rules are enforced by Biome (biome.json: noImportCycles and the
 * noRestrictedImports overrides), so `npm test` fails on a violation. This test proves that the rules bite:
 * it lays out a small tree with one violation of each rule and one allowed import of each kind beside the
 * project's own biome.json, and reads Biome's verdict. Nothing is written inside the project.
 */

const root = fileURLToPath(new URL('..', import.meta.url));
const biomeBin = path.join(root, 'node_modules', '@biomejs', 'biome', 'bin', 'biome');
const run = promisify(execFile);

const TREE: Record<string, string> = {
  // A feature reaching into the app's routes, and the allowed way through lib/.
  'src/web/routes/NetworkLayout.tsx': 'export const layout = 1;\n',
  'src/web/lib/network.ts': 'export const network = 1;\n',
  'src/web/features/plan/BadRoute.tsx':
    "import { layout } from '../../routes/NetworkLayout.tsx';\nexport const x = layout;\n",
  'src/web/features/plan/GoodLib.tsx':
    "import { network } from '../../lib/network.ts';\nexport const x = network;\n",
  // The web importing server code other than a schema or a values file, and the allowed ones.
  'src/server/modules/plan/schema.ts': 'export const schema = 1;\n',
  'src/server/modules/plan/values.ts': 'export const STATUSES = ["a"] as const;\n',
  'src/server/modules/plan/service.ts':
    "import { x } from '../network/repo.ts';\nexport const service = x;\n",
  'src/web/features/plan/BadServer.tsx':
    "import { service } from '../../../server/modules/plan/service.ts';\nexport const x = service;\n",
  'src/web/features/plan/GoodServer.tsx':
    "import { schema } from '../../../server/modules/plan/schema.ts';\nimport { STATUSES } from '../../../server/modules/plan/values.ts';\nexport const x = [schema, STATUSES];\n",
  // A module reaching into another module's repo (service.ts above, and from an area one level deeper).
  'src/server/modules/network/repo.ts': 'export const x = 1;\n',
  'src/server/modules/network/service.ts': "import { x } from './repo.ts';\nexport const y = x;\n",
  'src/server/modules/directory/curate/service.ts':
    "import { x } from '../../network/repo.ts';\nimport { own } from '../repo.ts';\nexport const y = [x, own];\n",
  'src/server/modules/directory/repo.ts': 'export const own = 1;\n',
  // An import cycle.
  'src/server/platform/a.ts': "import { b } from './b.ts';\nexport const a = () => b();\n",
  'src/server/platform/b.ts': "import { a } from './a.ts';\nexport const b = () => a;\n",
};

// Only the boundary rules are asked about; the probe files may trip others (unused names and the like).
const BOUNDARY_RULES = new Set(['noImportCycles', 'noRestrictedImports']);

interface Diagnostic {
  category: string;
  location: { path: string };
}

let dir = '';
let diagnostics: Diagnostic[] = [];

function rulesAt(file: string): string[] {
  return diagnostics
    .filter((d) => d.location.path.replaceAll('\\', '/').endsWith(file))
    .map((d) => d.category.replace(/^lint\/\w+\//, ''))
    .filter((rule) => BOUNDARY_RULES.has(rule));
}

describe('import boundaries (biome.json)', () => {
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'knooppunt-boundaries-'));
    fs.copyFileSync(path.join(root, 'biome.json'), path.join(dir, 'biome.json'));
    for (const [file, text] of Object.entries(TREE)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    // Biome exits non-zero when it finds errors: that is the expected outcome here, so read its report.
    const result = await run(
      process.execPath,
      [biomeBin, 'lint', '--reporter=json', '--max-diagnostics=none', '.'],
      { cwd: dir, maxBuffer: 16 * 1024 * 1024 },
    ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    diagnostics = (JSON.parse(result.stdout) as { diagnostics: Diagnostic[] }).diagnostics;
  }, 120_000);

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a feature importing the app routes, and allows lib/', () => {
    expect(rulesAt('features/plan/BadRoute.tsx')).toEqual(['noRestrictedImports']);
    expect(rulesAt('features/plan/GoodLib.tsx')).toEqual([]);
  });

  it('lets the web import only schema.ts and values files from the server', () => {
    expect(rulesAt('features/plan/BadServer.tsx')).toEqual(['noRestrictedImports']);
    expect(rulesAt('features/plan/GoodServer.tsx')).toEqual([]);
  });

  it("refuses a module importing another module's repo, at any depth, and allows its own", () => {
    expect(rulesAt('modules/plan/service.ts')).toEqual(['noRestrictedImports']);
    expect(rulesAt('modules/directory/curate/service.ts')).toEqual(['noRestrictedImports']);
    expect(rulesAt('modules/network/service.ts')).toEqual([]);
  });

  it('refuses import cycles', () => {
    expect(rulesAt('platform/a.ts')).toContain('noImportCycles');
  });
});
