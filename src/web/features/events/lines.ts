import type { EventInput, EventView } from './api.ts';

/**
 * The programme, speakers and questions are edited as lines of text (one item per line, in a format the
 * form explains), so a coordinator types them as they would in a mail. These functions turn lines into the
 * API's lists and back; a line that does not parse is reported by its number.
 */

type Programme = NonNullable<EventInput['programme']>;
type Speakers = NonNullable<EventInput['speakers']>;
type Questions = NonNullable<EventInput['questions']>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; line: number };

export function parseProgramme(text: string): Parsed<Programme> {
  const out: Programme = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (!line) continue;
    const m = /^(\d{1,2})[:.h](\d{2})\s+(.+)$/.exec(line);
    if (!m) return { ok: false, line: i + 1 };
    out.push({ time: `${(m[1] ?? '').padStart(2, '0')}:${m[2]}`, title: (m[3] ?? '').trim() });
  }
  return { ok: true, value: out };
}

export const programmeText = (p: EventView['programme']) => p.map((x) => `${x.time} ${x.title}`).join('\n');

export function parseSpeakers(text: string): Parsed<Speakers> {
  const out: Speakers = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (!line) continue;
    const [name, role, organisation] = line.split(';').map((s) => s.trim());
    if (!name) return { ok: false, line: i + 1 };
    out.push({ name, role: role || null, organisation: organisation || null });
  }
  return { ok: true, value: out };
}

export const speakersText = (s: EventView['speakers']) =>
  s.map((x) => [x.name, x.role ?? '', x.organisation ?? ''].join('; ').replace(/(; )+$/, '')).join('\n');

/** Questions keep their ids by position, so answers already given stay with their question after an edit. */
export function parseQuestions(text: string, existing: EventView['questions']): Parsed<Questions> {
  const out: Questions = [];
  const lines = text.split('\n').filter((l) => l.trim());
  for (let i = 0; i < lines.length; i++) {
    let line = (lines[i] ?? '').trim();
    const required = line.endsWith('*');
    if (required) line = line.slice(0, -1).trim();
    const [label, choices] = line.split(/\s:\s|:\s*$/);
    if (!label?.trim()) return { ok: false, line: i + 1 };
    const options = (choices ?? '')
      .split('/')
      .map((s) => s.trim())
      .filter(Boolean);
    out.push({
      id: existing[i]?.id ?? `q${i + 1}`,
      label: label.trim(),
      kind: options.length > 0 ? 'choice' : 'text',
      options,
      required,
    });
  }
  return { ok: true, value: out };
}

export const questionsText = (q: EventView['questions']) =>
  q
    .map((x) => `${x.label}${x.options.length ? ` : ${x.options.join(' / ')}` : ''}${x.required ? ' *' : ''}`)
    .join('\n');

/** An ISO moment as the value of a datetime-local input (the visitor's time zone) and back. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export const fromLocalInput = (value: string): string | null =>
  value ? new Date(value).toISOString() : null;
