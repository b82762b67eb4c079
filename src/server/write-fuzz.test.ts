import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from './platform/db/testing.ts';
import { as, createTestApp, loginAs, operations, rowCounts, type Session, type TestApp } from './testing.ts';

/**
 * Property-based fuzzing of every write operation: bodies made of the operation's own field names (from its
 * OpenAPI schema) and stray ones, with values of every JSON type, odd Unicode and control characters, sent by
 * the demo admin with a valid CSRF token. Properties: never a 5xx, and a refused request changes no row of any
 * table. Seeded, and sized for a loaded two-core machine.
 */
const RUNS_PER_OPERATION = 8;
const SEED = 15_2026;
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

type Spec = {
  paths: Record<
    string,
    Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>
  >;
};

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('', ' ', 'a\u0000b', '\u202e', '2026-02-30', '../../etc/passwd', "'; drop table users; --"),
);
const scalar = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(NO_SUCH_ID, -1, 0, 1e308, Number.MAX_SAFE_INTEGER),
);
const value = fc.oneof(
  scalar,
  fc.array(scalar, { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), scalar),
);

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  maxItems?: number;
}

/**
 * Values that follow the operation's schema in shape (so that many requests get past validation to the
 * use case and the database) while their strings stay hostile: odd Unicode, control characters, SQL.
 */
function conforming(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return fc.oneof(...options.map((o) => conforming(o, depth)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return fc.oneof(
        text,
        fc.constantFrom(NO_SUCH_ID, '2026-12-02', 'https://example.org', 'an@example.org'),
      );
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -5, max: Math.min(schema.maximum ?? 1000, 1e9) });
    case 'number':
      return fc.double({ min: schema.minimum ?? -5, max: schema.maximum ?? 1000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return depth > 3
        ? fc.constant([])
        : fc.array(conforming(schema.items ?? {}, depth + 1), { maxLength: 3 });
    case 'object': {
      if (depth > 3 || !schema.properties) return fc.constant({});
      const required = new Set(schema.required ?? []);
      const entries = Object.entries(schema.properties).map(
        ([name, s]) => [name, conforming(s, depth + 1)] as const,
      );
      return fc.record(Object.fromEntries(entries), {
        requiredKeys: entries.map(([name]) => name).filter((name) => required.has(name)),
      });
    }
    default:
      return value;
  }
}

function bodyFor(schema: JsonSchema | undefined) {
  const fields = Object.keys(schema?.properties ?? {});
  const names = fc.constantFrom(...fields, 'unexpected', '__proto__', 'constructor');
  return fc.oneof(
    { arbitrary: conforming(schema ?? { type: 'object' }), weight: 3 },
    { arbitrary: fc.dictionary(names, value, { maxKeys: fields.length + 2 }), weight: 1 },
    { arbitrary: fc.oneof(fc.array(scalar, { maxLength: 3 }), scalar), weight: 1 },
  );
}

describe.each(testEngines())('fuzzing every write on %s', (engine) => {
  let k: TestApp;
  let admin: Session;
  beforeAll(async () => {
    k = await createTestApp(engine);
    admin = await loginAs(k.app, 'beheerder@demo.knooppunt.be');
  });
  afterAll(() => k.destroy());

  it('never answers 5xx and changes nothing when it refuses', { timeout: 600_000 }, async () => {
    const spec = k.app.swagger() as Spec;
    // Signing in and out would replace the session the fuzzer works with.
    const writes = operations(k.app).filter(
      (o) => !['GET', 'HEAD'].includes(o.method) && !o.path.startsWith('/api/auth/log'),
    );
    expect(writes.length).toBeGreaterThan(40);
    let counts = await rowCounts(k);
    let exercised = 0;
    for (const { method, path } of writes) {
      const schema =
        spec.paths[path]?.[method.toLowerCase()]?.requestBody?.content?.['application/json']?.schema;
      const url = path.replace('{slug}', 'elz-regio-aalst').replace(/\{[^}]+\}/g, NO_SUCH_ID);
      await fc.assert(
        fc.asyncProperty(bodyFor(schema), async (body) => {
          const res = await k.app.inject({
            method: method as 'POST',
            url,
            headers: { ...as(admin), 'content-type': 'application/json' },
            payload: JSON.stringify(body),
          });
          const label = `${method} ${path} ${JSON.stringify(body)?.slice(0, 200)} → ${res.statusCode}`;
          expect(res.statusCode, label).toBeLessThan(500);
          const after = await rowCounts(k);
          if (res.statusCode >= 400) expect(after, label).toEqual(counts);
          counts = after;
        }),
        { numRuns: RUNS_PER_OPERATION, seed: SEED, endOnFailure: true },
      );
      exercised++;
    }
    expect(exercised).toBe(writes.length);
  });
});
