import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** Decision records follow docs/decisions/000-template.md: a numbered title, a date and a status. */
const dir = fileURLToPath(new URL('../docs/decisions/', import.meta.url));
const records = fs.readdirSync(dir).filter((name) => /^\d{3}-.+\.md$/.test(name) && !name.startsWith('000-'));

describe('decision records', () => {
  it('exist', () => {
    expect(records.length).toBeGreaterThan(0);
  });

  it.each(records)('%s has its number in the title, a date and a status', (name) => {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    expect(text).toMatch(new RegExp(`^# ${name.slice(0, 3)} — \\S`));
    expect(text).toMatch(/^- Date: \d{4}-\d{2}-\d{2}$/m);
    expect(text).toMatch(/^- Status: (proposed|accepted|deprecated|superseded by \d{3}\b.*)$/m);
  });

  it('have unique numbers', () => {
    const numbers = records.map((name) => name.slice(0, 3));
    expect(new Set(numbers).size).toBe(numbers.length);
  });
});
