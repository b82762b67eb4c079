import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './auth.ts';
import { ConfigError, loadConfig, publicBaseUrl } from './config.ts';
import { negotiateLanguage, translate } from './i18n.ts';

describe('configuration', () => {
  it('defaults to SQLite in ./data on port 3000', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir.endsWith('/data')).toBe(true);
    expect(c.demoSeed).toBe(true);
  });

  it('names every invalid variable in one clear message', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', DEMO_SEED: 'maybe' })).toThrow(
      ConfigError,
    );
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x' });
    } catch (e) {
      expect((e as Error).message).toMatch(/PORT/);
      expect((e as Error).message).toMatch(/DATABASE_URL: must start with postgres/);
    }
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).databaseUrl).toBeUndefined();
  });

  it('trusts proxies by hop count or address list, never every proxy', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.7,::1, loopback' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '192.168.1.7',
      '::1',
      'loopback',
    ]);
    const mapped = loadConfig({ TRUST_PROXY: 'true' });
    expect(mapped.trustProxy).toBe(1);
    expect(mapped.warnings.join()).toMatch(/TRUST_PROXY=true is read as TRUST_PROXY=1/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY: .*not 10\.0\.0\.0\/33/);
    expect(() => loadConfig({ TRUST_PROXY: 'proxy.example' })).toThrow(/TRUST_PROXY/);
  });

  it('loads the demo only outside production unless asked for explicitly, and then warns', () => {
    const prod = { NODE_ENV: 'production', PUBLIC_URL: 'https://kaart.example.be' };
    expect(loadConfig({}).demoSeed).toBe(true);
    expect(loadConfig(prod).demoSeed).toBe(false);
    expect(loadConfig(prod).warnings).toEqual([]);
    const asked = loadConfig({ ...prod, DEMO_SEED: 'true' });
    expect(asked.demoSeed).toBe(true);
    expect(asked.warnings.join()).toMatch(/DEMO_SEED=true in production/);
  });

  it('refuses production without PUBLIC_URL and builds links from the configuration only', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/PUBLIC_URL: required/);
    expect(
      publicBaseUrl(loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://kaart.example.be/' })),
    ).toBe('https://kaart.example.be');
    expect(publicBaseUrl(loadConfig({ PORT: '8080' }))).toBe('http://localhost:8080');
  });
});

describe('language negotiation', () => {
  it('prefers the explicit choice, then the cookie, then Accept-Language, then Dutch', () => {
    expect(negotiateLanguage({ query: 'en', cookie: 'fr', acceptLanguage: 'nl' })).toBe('en');
    expect(negotiateLanguage({ cookie: 'fr', acceptLanguage: 'en' })).toBe('fr');
    expect(negotiateLanguage({ acceptLanguage: 'de-DE,fr-BE;q=0.8,en;q=0.9' })).toBe('en');
    expect(negotiateLanguage({ acceptLanguage: 'de, es;q=0.5' })).toBe('nl');
    expect(negotiateLanguage({ query: 'xx' })).toBe('nl');
  });

  it('fills parameters into the message of the chosen language', () => {
    expect(translate('fr', 'internal_error', { requestId: 'r-15' })).toContain('(référence r-15)');
    expect(translate('nl', 'internal_error', { requestId: 'r-3' })).toContain('(referentie r-3)');
  });
});

describe('passwords', () => {
  it('are hashed with argon2id and verified', async () => {
    const h = await hashPassword('correct horse battery staple');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(h, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(h, 'Correct horse battery staple')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });
});
