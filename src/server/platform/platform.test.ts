import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './auth.ts';
import { ConfigError, loadConfig } from './config.ts';
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
    expect(translate('fr', 'account_locked', { minutes: 15 })).toContain('15 minutes');
    expect(translate('nl', 'account_locked', { minutes: 3 })).toContain('3 minuten');
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
