import { afterEach, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import PostalMime from 'postal-mime';
import { assessUnplaced } from '../../src/domain/unplaced';
import { MAX_LISTED, buildUnplacedAlerts } from '../../src/domain/unplaced-email';
import { Outbox } from '../../src/node/outbox';
import { pupil, trackerOf, wellSupported, type Spec } from './build';

const TODAY = '2026-03-02';
const NASTY = '<b>Sam</b> & "Jo"';
/** Words that would reveal SEND or looked-after status. */
const SENSITIVE = /\bEHCP\b|\bEHC\b|\bSEND\b|\bSEN\b|special educational|looked[ -]after|in care\b|\bLAC\b|\bCLA\b/i;

const spec: Spec = {
  pupils: [
    pupil('A1', { Name: NASTY, Mentor: 'FR', SEND: 'EHCP', 'Looked after': 'Yes', 'Application status': 'Rejected', Form: '11<i>' }),
    pupil('A2', { Name: 'Ben Amber', Mentor: 'JS' }),
    pupil('A3', { Name: 'Cara Placed', Mentor: 'JS', 'Application status': 'Accepted' }),
    pupil('A4', { Name: 'Dev Nomentor', Mentor: '', 'Plan B': '' }),
  ],
  meetings: wellSupported(['A1', 'A2', 'A3', 'A4'], TODAY),
};

function alerts(s: Spec = spec, url: string | null = 'https://docs.google.com/spreadsheets/d/abc/edit') {
  const tracker = trackerOf(s);
  return buildUnplacedAlerts(tracker, assessUnplaced(tracker, TODAY), TODAY, url);
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the unplaced alerts', () => {
  it('one message to the careers leader with everyone, one to each mentor with their own mentees', () => {
    const a = alerts();
    expect(a.map((m) => [m.to, m.audience, m.pupils])).toEqual([
      ['cl@school.example', 'careers leader', 3],
      ['fr@school.example', 'mentor', 1],
      ['js@school.example', 'mentor', 1],
    ]);
    expect(a[0].subject).toBe('Unplaced Year 11s: 1 red, 2 amber – week of 2 March 2026 (Oakfield Academy)');
    expect(a[2].subject).toBe('Your Year 11 mentees without a post-16 place: 0 red, 1 amber – week of 2 March 2026 (Oakfield Academy)');
    expect(a[0].text).toContain('Dev Nomentor');
    expect(a[2].text).toContain('Ben Amber');
    expect(a[2].text).not.toContain('Dev Nomentor');
    expect(a[2].text).not.toContain('Cara Placed');
    expect(a[1].replyTo).toBe('cl@school.example');
  });

  it('sends nothing when no one is flagged', () => {
    expect(alerts({ pupils: [pupil('A1', { 'Application status': 'Accepted' })] })).toEqual([]);
  });

  it('never names SEND or looked-after status, and says to see the tracker', () => {
    for (const m of alerts()) {
      expect(m.text).not.toMatch(SENSITIVE);
      expect(m.html).not.toMatch(SENSITIVE);
      expect(m.subject).not.toMatch(SENSITIVE);
      expect(m.text).toContain('see the tracker');
    }
    const leader = alerts()[0];
    expect(leader.text).toContain('No live application (rejected or withdrawn)');
  });

  it('shows a level that the listed reasons explain, so red cannot give away a hidden EHCP or looked-after reason', () => {
    const s: Spec = {
      pupils: [
        pupil('H1', { Name: 'Hana Hidden', Mentor: 'FR', SEND: 'EHCP', 'Looked after': 'Yes', 'Plan B': '' }),
        pupil('V1', { Name: 'Vic Visible', Mentor: 'FR', 'Plan B': '' }),
      ],
      meetings: wellSupported(['H1', 'V1'], TODAY),
    };
    const tracker = trackerOf(s);
    const result = assessUnplaced(tracker, TODAY);
    // In the tracker Hana is red: Plan B, EHCP and looked after are three risk factors.
    expect(result.flagged.map((f) => [f.pupil.id, f.level])).toEqual([['H1', 'red'], ['V1', 'amber']]);
    const [leader, mentor] = buildUnplacedAlerts(tracker, result, TODAY, null);
    for (const m of [leader, mentor]) {
      expect(m.subject).toContain('0 red, 2 amber');
      const lines = m.text.split('\n');
      expect(lines).not.toContain('RED');
      const amber = lines.indexOf('AMBER');
      expect(lines.slice(amber + 1, amber + 3).map((l) => l.replace(/Hana Hidden|Vic Visible/, 'X'))).toEqual([
        expect.stringMatching(/^- X /), expect.stringMatching(/^- X /),
      ]);
      const [hana, vic] = lines.slice(amber + 1, amber + 3);
      expect(hana.replace('Hana Hidden', 'X')).toBe(vic.replace('Vic Visible', 'X'));
      expect(m.html).not.toContain('<strong>Red</strong>');
    }
  });

  it('escapes every value from the sheet in the HTML', () => {
    const { html, text } = alerts()[0];
    expect(html).toContain('&lt;b&gt;Sam&lt;/b&gt; &amp; &quot;Jo&quot;');
    expect(html).toContain('11&lt;i&gt;');
    expect(html).not.toContain('<b>Sam');
    expect(html).not.toContain('<i>');
    expect(text).toContain(NASTY);
  });

  it('links to the tracker only when there is an http(s) link', () => {
    expect(alerts()[0].html).toContain('<a href="https://docs.google.com/spreadsheets/d/abc/edit">Open the tracker</a>');
    expect(alerts(spec, null)[0].html).not.toContain('<a ');
    expect(alerts(spec, 'javascript:alert(1)')[0].html).not.toContain('javascript:');
  });

  it('keeps a very long list within a mail body: the rest is counted and left to the tracker', () => {
    const many = Array.from({ length: MAX_LISTED + 40 }, (_, i) => pupil(`P${i}`, { Name: `Pupil ${String(i).padStart(3, '0')}` }));
    const [leader] = alerts({ pupils: many, meetings: wellSupported(many.map((p) => String(p['Pupil ID'])), TODAY) });
    expect(leader.pupils).toBe(MAX_LISTED + 40);
    expect(leader.text).toContain(`Pupil ${String(MAX_LISTED - 1).padStart(3, '0')}`);
    expect(leader.text).not.toContain(`Pupil ${String(MAX_LISTED).padStart(3, '0')}`);
    expect(leader.text).toContain('…and 40 more (0 red, 40 amber) in the Unplaced tab');
    expect(leader.html.length + leader.text.length).toBeLessThan(190_000);
  });

  it('falls back to the Staff tab careers leader, and a leader who mentors gets one message', () => {
    const s: Spec = {
      ...spec,
      settings: { 'Careers leader email': '' },
      pupils: [...spec.pupils, pupil('A5', { Name: 'Eve Leadermentee', Mentor: 'CL' })],
    };
    const a = alerts(s);
    expect(a.map((m) => m.to)).toEqual(['cl@school.example', 'fr@school.example', 'js@school.example']);
    expect(a[0].text).toContain('Eve Leadermentee');
  });
});

describe('the .eml files in the outbox', () => {
  it('are one recipient each, with the subject, escaped values and no SEND or looked-after words', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unplaced-eml-'));
    dirs.push(dir);
    const outbox = new Outbox(dir);
    const built = alerts();
    for (const { audience: _a, pupils: _p, ...message } of built) outbox.send(message);
    const files = await outbox.flush();
    expect(files).toHaveLength(3);
    for (const [i, file] of files.entries()) {
      const raw = fs.readFileSync(path.join(dir, file));
      const email = await PostalMime.parse(raw);
      expect(email.to?.map((t) => t.address)).toEqual([built[i].to]);
      expect(email.cc ?? []).toEqual([]);
      expect(email.bcc ?? []).toEqual([]);
      expect(email.subject).toBe(built[i].subject);
      expect(email.text ?? '').not.toMatch(SENSITIVE);
      expect(email.html ?? '').not.toMatch(SENSITIVE);
      if (i < 2) {
        // The pupil's name arrives as text: escaped in the HTML, as written in the plain text.
        expect(email.html).toContain('&lt;b&gt;Sam&lt;/b&gt; &amp; &quot;Jo&quot;');
        expect(email.html).not.toContain('<b>Sam</b>');
        expect(email.text).toContain(NASTY);
      }
    }
  });
});
