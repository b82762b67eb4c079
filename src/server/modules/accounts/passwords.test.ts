import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../demo/seed.ts';
import { testEngines } from '../../platform/db/testing.ts';
import { translate } from '../../platform/i18n.ts';
import { createTestApp } from '../../testing.ts';
import { passwordProblem } from './passwords.ts';
import { createUser } from './service.ts';

describe('the password rule', () => {
  it.each([
    ['password1234', 'password_common'],
    ['Wachtwoord2026!', 'password_common'],
    ['!!azerty123456', 'password_common'],
    ['aaaaaaaaaaaa', 'password_pattern'],
    ['welkomwelkom', 'password_pattern'],
    ['123456789012', 'password_pattern'],
    ['azertyuiopqsd'.slice(0, 12), 'password_pattern'],
    ['ZYXWVUTSRQPO', 'password_pattern'],
    ['knooppunt2026!', 'password_personal'],
  ] as const)('refuses %s (%s)', (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });

  it('refuses a password made of the e-mail address', () => {
    expect(passwordProblem('an.peeters1234', { email: 'an.peeters@zorgraad.be' })).toBe('password_personal');
    expect(passwordProblem('Zorgraad-2026-!', { email: 'an.peeters@zorgraad.be' })).toBe('password_personal');
  });

  it('accepts long phrases, also with a context word in them', () => {
    expect(passwordProblem('paard fiets wolk zeven')).toBeNull();
    expect(passwordProblem('peetersfamilie op reis', { email: 'an.peeters@zorgraad.be' })).toBeNull();
    expect(passwordProblem(DEMO_PASSWORD)).toBeNull();
  });

  it('explains each refusal in Dutch, French and English', () => {
    for (const code of ['password_common', 'password_pattern', 'password_personal']) {
      const texts = (['nl', 'fr', 'en'] as const).map((lang) => translate(lang, code));
      expect(new Set(texts).size).toBe(3);
      for (const text of texts) expect(text).not.toBe(code);
    }
  });
});

describe.each(testEngines())('creating an account on %s', (engine) => {
  it('refuses a weak password with a 400 and writes nothing', async () => {
    const k = await createTestApp(engine, { seed: false });
    try {
      await expect(
        createUser(k.t.db, { email: 'an@zorgraad.be', name: 'An', password: 'password1234' }),
      ).rejects.toMatchObject({ status: 400, code: 'password_common' });
      await expect(
        createUser(k.t.db, { email: 'an@zorgraad.be', name: 'An', password: 'aaaaaaaaaaaa' }),
      ).rejects.toMatchObject({ status: 400, code: 'password_pattern' });
      expect(await k.t.db.selectFrom('users').selectAll().execute()).toEqual([]);
      expect(await k.t.db.selectFrom('audit_log').selectAll().execute()).toEqual([]);
      await createUser(k.t.db, { email: 'an@zorgraad.be', name: 'An', password: 'paard fiets wolk zeven' });
      expect(await k.t.db.selectFrom('users').select('email').execute()).toEqual([
        { email: 'an@zorgraad.be' },
      ]);
    } finally {
      await k.destroy();
    }
  });
});
