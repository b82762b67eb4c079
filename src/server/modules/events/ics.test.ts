import { describe, expect, it } from 'vitest';
import { logSafeUrl } from '../../app.ts';
import { calendar, escapeText, foldLine } from './ics.ts';

describe('iCalendar', () => {
  it('escapes text as RFC 5545 says', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('folds at 75 octets without cutting a UTF-8 character', () => {
    const line = `SUMMARY:${'é'.repeat(100)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
  });

  it('writes one VEVENT per event with UID, DTSTAMP and UTC times, lines ended by CRLF', () => {
    const ics = calendar(
      'ELZ',
      [
        {
          id: 'e1',
          title: 'Trefpunt',
          description: null,
          startsAt: '2026-12-10T11:00:00.000Z',
          endsAt: '2026-12-10T13:00:00.000Z',
          updatedAt: '2026-12-01T08:00:00.000Z',
          location: 'Aalst',
          url: null,
          lat: null,
          lng: null,
          cancelled: true,
        },
      ],
      new Date('2026-12-02T16:00:00Z'),
    );
    expect(ics).toContain('\r\nUID:e1@knooppunt\r\nDTSTAMP:20261202T160000Z\r\n');
    expect(ics).toContain('DTSTART:20261210T110000Z\r\nDTEND:20261210T130000Z');
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('keeps registration tokens out of logged URLs', () => {
    expect(logSafeUrl('/api/networks/elz/events/registration/AbC-123_xyz/cancel')).toBe(
      '/api/networks/elz/events/registration/[token]/cancel',
    );
    expect(logSafeUrl('/agenda/elz/inschrijving/AbC-123_xyz?lang=fr')).toBe(
      '/agenda/elz/inschrijving/[token]?lang=fr',
    );
  });
});
