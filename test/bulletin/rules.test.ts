import { describe, expect, it } from 'vitest';
import {
  CLOSING_SOON_DAYS, bulletinRecipients, bulletinSubject, bulletinWeek, firstName, openVacancies, renderBulletin,
  vacancyKey,
} from '../../src/domain/bulletin';
import { addDays } from '../../src/domain/calendar';
import { readTracker, type Vacancy } from '../../src/domain/tracker';
import { MONDAY, d, tabsOf, vacancy, y11 } from './build';

const TODAY = '2026-03-04'; // a Wednesday in ISO week 10

function v(over: Partial<Vacancy>): Vacancy {
  return {
    row: 2, title: 'Apprentice', employer: 'Employer', location: 'Canterbury', level: '3', wage: '£7.55 an hour',
    closing: addDays(TODAY, 20), link: 'https://example.org/v', posted: addDays(TODAY, -20), reference: null, source: null, ...over,
  };
}

describe('open vacancies', () => {
  it('leaves out a vacancy that closed yesterday and keeps one closing today', () => {
    const items = openVacancies([v({ title: 'Yesterday', closing: addDays(TODAY, -1) }), v({ title: 'Today', closing: TODAY })], TODAY, 7);
    expect(items.map((i) => i.vacancy.title)).toEqual(['Today']);
    expect(items[0].daysLeft).toBe(0);
  });

  it('sorts by closing date, then title', () => {
    const items = openVacancies([
      v({ title: 'b later', closing: addDays(TODAY, 9) }),
      v({ title: 'Zebra', closing: addDays(TODAY, 2) }),
      v({ title: 'apple', closing: addDays(TODAY, 2) }),
      v({ title: 'Apple', closing: addDays(TODAY, 9) }),
    ], TODAY, 7);
    expect(items.map((i) => i.vacancy.title)).toEqual(['apple', 'Zebra', 'Apple', 'b later']);
  });

  it.each([
    [0, true], [-1, true], [-7, true], [-8, false], [1, false],
  ])('posted %i days from today is New: %s (Bulletin new days 7)', (offset, isNew) => {
    expect(openVacancies([v({ posted: addDays(TODAY, offset) })], TODAY, 7)[0].isNew).toBe(isNew);
  });

  it('follows the Bulletin new days setting', () => {
    expect(openVacancies([v({ posted: addDays(TODAY, -3) })], TODAY, 2)[0].isNew).toBe(false);
    expect(openVacancies([v({ posted: addDays(TODAY, -3) })], TODAY, 3)[0].isNew).toBe(true);
  });

  it('counts a blank Posted as the day the vacancy was first seen', () => {
    const blank = v({ posted: null, reference: 'R1' });
    expect(openVacancies([blank], TODAY, 7)[0].isNew).toBe(true);
    const seen = new Map([[vacancyKey(blank), addDays(TODAY, -8)]]);
    expect(openVacancies([blank], TODAY, 7, seen)[0].isNew).toBe(false);
  });

  it.each([
    [0, true], [1, true], [CLOSING_SOON_DAYS, true], [CLOSING_SOON_DAYS + 1, false], [30, false],
  ])('closing in %i days is Closing soon: %s', (offset, soon) => {
    expect(openVacancies([v({ closing: addDays(TODAY, offset) })], TODAY, 7)[0].closingSoon).toBe(soon);
  });

  it('matches a Reference with or without the VAC prefix', () => {
    expect(vacancyKey(v({ reference: 'VAC2000054344' }))).toBe(vacancyKey(v({ reference: '2000054344' })));
  });
});

describe('recipients', () => {
  function select(pupils: Record<string, unknown>[], settings: Record<string, string | number> = {}, today = MONDAY) {
    const tracker = readTracker(tabsOf({ pupils: pupils as never, vacancies: [vacancy(1, today)], settings }));
    return bulletinRecipients(tracker, today);
  }

  it('sends to Year 11 on roll, not to other years', () => {
    const s = select([y11(1), y11(2, { Year: 10 }), y11(3, { Year: 12 })]);
    expect(s.recipients.map((r) => r.email)).toEqual(['pupil1@pupils.example']);
  });

  it('sends to the leavers of the last three leaver years (and this summer\'s), not older ones', () => {
    const leaver = (id: string, year: number) => ({ 'Pupil ID': id, Name: `Leaver ${id}`, 'Leaver year': year, Email: `${id}@example.com` });
    const s = select([leaver('l22', 2022), leaver('l23', 2023), leaver('l24', 2024), leaver('l25', 2025), leaver('l26', 2026)]);
    expect(s.recipients.map((r) => r.email)).toEqual(['l23@example.com', 'l24@example.com', 'l25@example.com', 'l26@example.com']);
  });

  it('follows Bulletin leaver years', () => {
    const leaver = (id: string, year: number) => ({ 'Pupil ID': id, Name: `Leaver ${id}`, 'Leaver year': year, Email: `${id}@example.com` });
    const s = select([leaver('l24', 2024), leaver('l25', 2025)], { 'Bulletin leaver years': 1 });
    expect(s.recipients.map((r) => r.email)).toEqual(['l25@example.com']);
  });

  it('leaves out pupils who opted out, and counts a blank Bulletin as yes when there is an email', () => {
    const s = select([y11(1, { Bulletin: 'No' }), y11(2, { Bulletin: '' }), y11(3, { Bulletin: 'Y' }), y11(4, { Bulletin: 'n' })]);
    expect(s.recipients.map((r) => r.email)).toEqual(['pupil2@pupils.example', 'pupil3@pupils.example']);
    expect(s.optedOut).toBe(2);
  });

  it('skips a pupil with no email', () => {
    const s = select([y11(1, { Email: '' }), y11(2)]);
    expect(s.recipients).toHaveLength(1);
    expect(s.noEmail).toBe(1);
  });

  it('reports an invalid email as a problem and skips it', () => {
    const s = select([y11(1, { Email: 'pupil1 at school' }), y11(2, { Email: 'a@b.com; c@d.com' }), y11(3)]);
    expect(s.recipients.map((r) => r.email)).toEqual(['pupil3@pupils.example']);
    expect(s.problems.map((p) => [p.row, p.column, p.value])).toEqual([[2, 'Email', 'pupil1 at school'], [3, 'Email', 'a@b.com; c@d.com']]);
    expect(s.problems[0].message).toMatch(/not a valid email address.*does not get the bulletin/);
  });

  it('reports a Bulletin value that is neither yes nor no, and does not guess', () => {
    const s = select([y11(1, { Bulletin: 'unsubscribe me' }), y11(2)]);
    expect(s.recipients).toHaveLength(1);
    expect(s.problems[0].column).toBe('Bulletin');
  });

  it('sends once to an address written twice, ignoring case, greeting both pupils', () => {
    const s = select([
      y11(1, { Name: 'Sam Jones', Email: 'Family@Example.com' }),
      y11(2, { Name: 'Alex Jones', Email: 'family@example.COM' }),
      y11(3, { Name: 'Jones, Kim', Email: ' family@example.com ' }),
    ]);
    expect(s.recipients).toHaveLength(1);
    expect(s.recipients[0].email).toBe('Family@Example.com');
    expect(s.recipients[0].firstNames).toEqual(['Sam', 'Alex', 'Kim']);
    expect(s.duplicates).toBe(2);
  });
});

describe('week key and subject', () => {
  it.each([
    ['2026-03-02', '2026-W10', '2026-03-02'],
    ['2026-03-08', '2026-W10', '2026-03-02'],
    ['2026-03-09', '2026-W11', '2026-03-09'],
    ['2027-01-01', '2026-W53', '2026-12-28'],
    ['2025-12-29', '2026-W01', '2025-12-29'],
  ])('%s is in %s, week of %s', (today, key, monday) => {
    expect(bulletinWeek(today)).toEqual({ weekKey: key, monday });
  });

  it('names the Monday, after the school name when set', () => {
    expect(bulletinSubject('', '2026-03-02')).toBe('Apprenticeship vacancies – week of 2 March 2026');
    expect(bulletinSubject('Oakfield Academy', '2026-03-02')).toBe('Oakfield Academy: Apprenticeship vacancies – week of 2 March 2026');
    expect(bulletinSubject('Evil\r\nBcc: x@y.z', '2026-03-02')).not.toMatch(/[\r\n]/);
  });

  it('finds first names', () => {
    expect(firstName('Sam Jones')).toBe('Sam');
    expect(firstName('Jones, Sam Alex')).toBe('Sam');
    expect(firstName('  Mary-Jane   Smith ')).toBe('Mary-Jane');
  });
});

describe('the message', () => {
  const content = (items: Vacancy[], schoolName = 'Oakfield Academy') => renderBulletin({
    schoolName, today: TODAY, week: bulletinWeek(TODAY), items: openVacancies(items, TODAY, 7),
    contact: { name: 'Fran Reed', email: 'fr@school.example' },
  });

  it('greets by first name, in HTML and plain text, with the opt-out footer', () => {
    const out = content([v({ title: 'Dental Nurse' })]).render({ firstNames: ['Sam'] });
    expect(out.html).toContain('Hello Sam,');
    expect(out.text.startsWith('Hello Sam,')).toBe(true);
    for (const body of [out.html, out.text]) {
      expect(body).toContain('Dental Nurse');
      expect(body).toContain('To stop receiving it, reply to this email (it goes to Fran Reed, the careers leader, fr@school.example) and ask to be taken off the list.');
    }
    expect(content([v({})]).render({ firstNames: [] }).html).toContain('Hello,');
  });

  it('escapes every value from the sheet and links only http(s)', () => {
    const rendered = content([
      v({ title: '<script>alert(1)</script>', link: 'javascript:alert(1)' }),
      v({ title: 'Ok', employer: '"><img src=x onerror=alert(2)>', location: 'A & B', wage: '<b>£1</b>', link: 'https://ok.example/a?x=1&y=2' }),
      v({ title: 'Data', link: 'data:text/html,<script>alert(3)</script>' }),
    ], '<i>School</i>');
    const { html, text } = rendered.render({ firstNames: ['<b>Sam</b>'] });
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<i>School');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('href="https://ok.example/a?x=1&amp;y=2"');
    expect(html.toLowerCase()).not.toContain('javascript:');
    expect(html.toLowerCase()).not.toContain('data:text');
    expect(text.toLowerCase()).not.toContain('javascript:');
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs) expect(h).toMatch(/^https?:\/\//);
    expect(html).toContain('Ask the careers team for the link to apply.');
  });

  it('marks New and Closing soon, in both parts', () => {
    const { html, text } = content([
      v({ title: 'Fresh', posted: TODAY, closing: addDays(TODAY, 30) }),
      v({ title: 'Soon', posted: addDays(TODAY, -30), closing: addDays(TODAY, 1) }),
      v({ title: 'Plain', posted: addDays(TODAY, -30), closing: addDays(TODAY, 30) }),
    ]).render({ firstNames: ['Sam'] });
    expect(text).toMatch(/1\. \[CLOSING SOON\] Soon/);
    expect(text).toMatch(/2\. \[NEW\] Fresh/);
    expect(text).toMatch(/3\. Plain/);
    expect(text).toContain('Closes Thursday 5 March 2026 (tomorrow)');
    expect(html.match(/>NEW</g)).toHaveLength(1);
    expect(html.match(/>CLOSING SOON</g)).toHaveLength(1);
    expect(text).toContain('3 apprenticeships are open for applications: 1 new, 1 closing within 7 days.');
  });

  it('lists at most 50 and counts the rest', () => {
    const many = Array.from({ length: 55 }, (_, i) => v({ title: `V${i}`, closing: addDays(TODAY, i) }));
    const { text } = content(many).render({ firstNames: ['Sam'] });
    expect(text).toContain('50. ');
    expect(text).not.toContain('51. ');
    expect(text).toContain('And 5 more vacancies closing later');
  });

  it('stays well inside the 200 KB body limit of a consumer Gmail account, even with long values', () => {
    const long = 'x'.repeat(300);
    const many = Array.from({ length: 80 }, (_, i) => v({ title: `${long}${i}`, employer: long, location: long, wage: long, link: `https://example.org/${long}` }));
    const { html, text } = content(many).render({ firstNames: ['Sam'] });
    expect(html.length + text.length).toBeLessThan(150_000);
  });

  it('says nothing about SEND or looked-after status', () => {
    const { html, text } = content([v({})]).render({ firstNames: ['Sam'] });
    expect(`${html}${text}`).not.toMatch(/\bSEND\b|\bEHCP\b|looked[ -]after/i);
  });
});
