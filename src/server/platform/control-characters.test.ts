import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, loginAs, operations, rowCounts, type Session, type TestApp } from '../testing.ts';
import { testEngines } from './db/testing.ts';

const NUL = 'a%00b';

/** A URL for an OpenAPI path with every parameter carrying a NUL byte. */
const urlWithNul = (path: string) => path.replace(/\{[^}]+\}/g, NUL);

/** Every operation but signing out, which would end the session the test works with. */
const operationsToTry = (k: TestApp) => operations(k.app).filter((o) => o.path !== '/api/auth/logout');

describe.each(testEngines())('NUL and control characters on %s', (engine) => {
  let k: TestApp;
  let admin: Session;
  beforeAll(async () => {
    k = await createTestApp(engine);
    admin = await loginAs(k.app, 'beheerder@demo.knooppunt.be');
  });
  afterAll(() => k.destroy());

  it('answers the anonymous HSDS request of the attack test with 400, in the request language', async () => {
    const res = await k.app.inject({
      url: `/api/hsds/services/${NUL}`,
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({
      code: 'control_characters',
      message: 'The field id contains an invisible control character (such as NUL); remove it and try again.',
    });
  });

  it('never answers 5xx to a NUL in a path or query parameter of any operation, and changes nothing', async () => {
    const before = await rowCounts(k);
    const wrong: string[] = [];
    for (const { path, method } of operationsToTry(k)) {
      const url = path.includes('{') ? urlWithNul(path) : `${path}?q=${NUL}&search=${NUL}`;
      const res = await k.app.inject({ method: method as 'GET', url, headers: as(admin) });
      if (res.statusCode !== 400) wrong.push(`${method} ${url} → ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
    expect(await rowCounts(k)).toEqual(before);
  });

  it('refuses a control character anywhere in a JSON body of every write, and changes nothing', async () => {
    const writes = operationsToTry(k).filter((o) => !['GET', 'HEAD'].includes(o.method));
    expect(writes.length).toBeGreaterThan(40);
    const before = await rowCounts(k);
    const wrong: string[] = [];
    const bodies = [
      { name: 'a\u0000b' },
      { title: 'ok', nested: { list: ['fine', 'bell\u0007'] } },
      { 'key\u001b': 'escape in a key' },
    ];
    for (const [i, { path, method }] of writes.entries()) {
      const url = path.replace('{slug}', 'elz-regio-aalst').replace(/\{[^}]+\}/g, 'x');
      const res = await k.app.inject({
        method: method as 'POST',
        url,
        headers: as(admin),
        payload: bodies[i % bodies.length],
      });
      if (res.statusCode !== 400 || res.json().error.code !== 'control_characters') {
        wrong.push(`${method} ${path} → ${res.statusCode}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(await rowCounts(k)).toEqual(before);
  });

  it('keeps tabs and line breaks, which are text', async () => {
    const res = await k.app.inject({
      method: 'PUT',
      url: '/api/auth/me/language',
      headers: as(admin),
      payload: { language: 'nl\t' },
    });
    // Refused by the schema (not a language), not for its tab.
    expect(res.json().error.code).toBe('validation_failed');
  });
});
