/**
 * The governors' report: no pupil's name or ID anywhere (searched for every one in the tracker),
 * the fewer-than-5 rule, the nine sections, "no data yet", the change since the last snapshot and
 * the chart.
 */
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { workbookOf as workbook } from '../support/workbook';
import { NodeClock } from '../../src/node/clock';
import { gatherReportData } from '../../src/jobs/report';
import { renderReport } from '../../src/domain/report-html';
import { FEWER_THAN_5, NOT_SHOWN, dailyHistory, partsOfWhole, reportStrings } from '../../src/domain/report';
import { lastSnapshotDate } from '../../src/domain/scores';
import { runScore } from '../../src/jobs/score';
import { PUPILS_TAB, normaliseHeader } from '../../src/domain/schema';
import { readText } from '../../src/domain/values';
import type { CellValue } from '../../src/ports';

const SAMPLE = path.resolve(__dirname, '../../sample/tracker.xlsx');
const TODAY = '2026-03-02';

async function sample(): Promise<XlsxWorkbook> {
  return XlsxWorkbook.fromBuffer(fs.readFileSync(SAMPLE));
}

/** Every Name and Pupil ID cell of the Pupils tab as written, rows the reader skips included. */
function everyPupil(grid: CellValue[][]): { names: string[]; ids: string[] } {
  const head = grid[0].map((c) => normaliseHeader(readText(c)));
  const col = (key: string) => {
    const spec = PUPILS_TAB.columns.find((c) => c.key === key)!;
    return head.findIndex((h) => [spec.header, ...(spec.aliases ?? [])].map(normaliseHeader).includes(h));
  };
  const rows = grid.slice(1);
  return { names: rows.map((r) => readText(r[col('name')])).filter(Boolean), ids: rows.map((r) => readText(r[col('id')])).filter(Boolean) };
}


describe('the report on the bundled sample', () => {
  it('contains no pupil name or ID from the tracker, in the HTML or in the data behind it', async () => {
    const wb = await sample();
    runScore({ workbook: wb, clock: new NodeClock(TODAY) });
    const data = gatherReportData({ workbook: wb, clock: new NodeClock(TODAY) });
    const html = renderReport(data).toLowerCase();
    const text = reportStrings(data).join('\n').toLowerCase();
    const { names, ids } = everyPupil(wb.readTab('Pupils')!);
    expect(names.length).toBeGreaterThan(100);
    expect(ids.length).toBe(names.length);
    for (const s of [...names, ...ids]) {
      expect(html, s).not.toContain(s.toLowerCase());
      expect(text, s).not.toContain(s.toLowerCase());
    }
    // And the same search does find a name when one is there (the test can fail).
    expect(`${html} ${names[0].toLowerCase()}`).toContain(names[0].toLowerCase());
  });

  it('has the sections, the headline, the chart, destinations per leaver year, and the breakdowns with small groups hidden', async () => {
    const wb = await sample();
    const data = gatherReportData({ workbook: wb, clock: new NodeClock(TODAY) });
    const html = renderReport(data);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('Oakfield Academy');
    expect(html).toContain('1 of 8 benchmarks achieved (indicative, from this tracker)');
    expect(html).toContain('5.96 of 8');
    for (const h of ['The eight benchmarks', 'Year 11', 'Destinations', 'Who is missing out', 'by year group', 'Provider access', 'careers programme', 'Evidence folders']) expect(html).toContain(h);
    expect(html).not.toContain('No data yet: the tracker does not yet hold destination statistics');
    expect(data.destinations!.map((d) => d.leaverYear)).toEqual([2025, 2024, 2023]);
    for (const d of data.destinations!) expect(typeof d.cohort === 'number' ? d.cohort >= 5 : d.cohort === FEWER_THAN_5).toBe(true);
    expect(html).not.toContain('No data yet: the tracker does not yet break the figures down');
    // Every breakdown group is either a percentage or hidden; the sample's looked-after group is under 5.
    expect(data.breakdowns!.length).toBeGreaterThan(0);
    for (const b of data.breakdowns!) for (const g of b.groups) expect(g.pct === null || g.pct === FEWER_THAN_5 || typeof g.pct === 'number').toBe(true);
    expect(data.breakdowns!.some((b) => b.groups.some((g) => g.group === 'Looked after' && g.pct === FEWER_THAN_5))).toBe(true);
    // The sample has no Evidence tab until the evidence job has run.
    expect(html).toContain('No data yet: the evidence folders have not been reported on');
    expect(html).toContain('@page{size:A4');
    // The chart: one line per benchmark over the sample's earlier runs and today.
    expect(data.history.days).toHaveLength(9);
    const svg = /<svg[\s\S]*?<\/svg>/.exec(html)![0];
    expect(svg.match(/<path /g)).toHaveLength(8);
    // Change since the 31 December snapshot: the 15 December run.
    expect(data.snapshot).toBe('2025-12-15');
    expect(data.benchmarks[1].change).toBe(Math.round((data.benchmarks[1].score! - 41.7) * 10) / 10);
    // The programme, the action plan (with "no action planned") and the checklist.
    expect(data.programme!.year).toMatchObject({ actions: 33, overdue: 2, dropped: 1 });
    expect(html).toContain('no action planned');
    expect(data.checklists).toEqual([{ name: 'Annual careers plan', items: 20, done: 14, rag: 'amber' }]);
  });

  it('a chart rasterised by the dialog replaces the SVG', async () => {
    const data = gatherReportData({ workbook: await sample(), clock: new NodeClock(TODAY) });
    const html = renderReport(data, { chartPng: 'data:image/png;base64,iVBORw0KGgo=' });
    expect(html).not.toContain('<svg');
    expect(html).toContain('<img alt="Benchmark scores over time (%)" src="data:image/png;base64,iVBORw0KGgo="');
  });
});

const STAFF = [['Initials', 'Name', 'Email', 'Role'], ['HO', 'Hannah Okafor', 'ho@school.example', 'Careers leader']];
const y11 = (n: number, statuses: string[] = []) => [
  ['Pupil ID', 'Name', 'Year', 'Application status', 'Mentor'],
  ...Array.from({ length: n }, (_, i) => [`UPN${1000 + i}`, `Pupil Number${i}`, 11, statuses[i] ?? 'Accepted', 'HO']),
];

describe('the small-number rule', () => {
  it('a Year 11 of fewer than 5 shows no counts at all', () => {
    const data = gatherReportData({ workbook: workbook({ Staff: STAFF, Pupils: y11(3, ['Applied']) }), clock: new NodeClock(TODAY) });
    expect(data.year11).toEqual({ cohort: FEWER_THAN_5, accepted: FEWER_THAN_5, offers: FEWER_THAN_5, red: FEWER_THAN_5, amber: FEWER_THAN_5, noOffer: FEWER_THAN_5 });
    expect(data.yearGroups.rows[0]).toMatchObject({ group: 'Year 11', cohort: FEWER_THAN_5 });
    expect(data.yearGroups.rows[0].pct.every((p) => p === FEWER_THAN_5)).toBe(true);
    expect(renderReport(data)).toContain('fewer than 5');
  });
  it('in a larger year, a count of 1 to 4 is "fewer than 5"; 0 and 5 or more are shown', () => {
    const statuses = [...Array(5).fill('Offer'), ...Array(3).fill('Applied'), ...Array(12).fill('Accepted')];
    const data = gatherReportData({ workbook: workbook({ Staff: STAFF, Pupils: y11(20, statuses) }), clock: new NodeClock(TODAY) });
    expect(data.year11).toMatchObject({ cohort: 20, accepted: 12, noOffer: FEWER_THAN_5 });
    // 20 − 12 − 5 would give the 3 with no offer: the smaller shown part is not shown.
    expect(data.year11.offers).toBe(NOT_SHOWN);
    expect(renderReport(data)).toContain('not shown');
  });
  it('hides no second count when none, or two, are fewer than 5', () => {
    expect(partsOfWhole([12, 5, 3])).toEqual([12, NOT_SHOWN, FEWER_THAN_5]);
    expect(partsOfWhole([12, 6, 0])).toEqual([12, 6, 0]);
    expect(partsOfWhole([12, 2, 3])).toEqual([12, FEWER_THAN_5, FEWER_THAN_5]);
    expect(partsOfWhole([4, 7, 9])).toEqual([FEWER_THAN_5, NOT_SHOWN, 9]);
  });
});

describe('free text that names a pupil', () => {
  it('is shown with "[pupil]" in place of the name or ID', () => {
    const wb = workbook({
      Staff: STAFF, Pupils: y11(6),
      Audit: [['Benchmark', 'Criterion', 'Rating', 'Owner', 'Action', 'Success criteria'], [3, 'Tailored support', 'Partially achieved', 'HO', 'Call Pupil Number2 and UPN1003 parents', 'pupil number4 placed']],
      Programme: [['Action', 'Due', 'Term', 'Owner'], ['Visit with Pupil Number1', '01/02/2026', 'Term UPN1005', 'HO']],
      Checklists: [['Checklist', 'Item', 'Done'], ['Plan for Pupil Number0', 'x', 'Yes']],
    });
    const data = gatherReportData({ workbook: wb, clock: new NodeClock(TODAY) });
    const html = renderReport(data);
    for (let i = 0; i < 6; i++) {
      expect(html.toLowerCase()).not.toContain(`pupil number${i}`);
      expect(html).not.toContain(`UPN${1000 + i}`);
    }
    expect(data.auditPlan[0]).toMatchObject({ action: 'Call [pupil] and [pupil] parents', success: '[pupil] placed', owner: 'Hannah Okafor' });
    expect(data.programme!.byTerm[0].term).toBe('Term [pupil]');
  });
});

describe('history and snapshots', () => {
  it('the snapshot date is the latest 31 December, 31 March or 31 July before today (on the day itself, the one before)', () => {
    expect(lastSnapshotDate('2026-03-02')).toBe('2025-12-31');
    expect(lastSnapshotDate('2026-03-31')).toBe('2025-12-31');
    expect(lastSnapshotDate('2026-04-01')).toBe('2026-03-31');
    expect(lastSnapshotDate('2026-07-30')).toBe('2026-03-31');
    expect(lastSnapshotDate('2026-12-31')).toBe('2026-07-31');
    expect(lastSnapshotDate('2027-01-01')).toBe('2026-12-31');
  });
  it('on a snapshot day, the report and the Scores tab measure change from the same run', async () => {
    const wb = await sample();
    runScore({ workbook: wb, clock: new NodeClock('2026-03-30') });
    const scores = runScore({ workbook: wb, clock: new NodeClock('2026-03-31') });
    const data = gatherReportData({ workbook: wb, clock: new NodeClock('2026-03-31') });
    expect(scores.snapshot).toMatchObject({ date: '2025-12-31' });
    expect(scores.snapshot!.run < '2026-01-01').toBe(true);
    expect(data.snapshot).toBe(scores.snapshot!.run);
    expect(data.benchmarks.map((b) => b.change)).toEqual(scores.benchmarks.map((b) => b.change));
  });
  it('keeps one point per day (the day\'s last run) and ends with today', () => {
    const rows: CellValue[][] = [
      [{ day: '2026-01-05', time: '09:00' }, 10, 20, 30, 40, 50, 60, 70, 80, 0],
      [{ day: '2026-01-05', time: '15:00' }, 11, 21, 31, 41, 51, 61, 71, 81, 0],
      ['12/01/2026 10:00', 12, '', 32, 42, 52, 62, 72, 82, 0],
    ];
    const h = dailyHistory(rows, TODAY, [1, 2, 3, 4, 5, 6, 7, 8]);
    expect(h.days).toEqual(['2026-01-05', '2026-01-12', TODAY]);
    expect(h.series[0]).toEqual([11, 12, 1]);
    expect(h.series[1]).toEqual([21, null, 2]);
  });
});

describe('the chart', () => {
  it('escapes its texts, breaks a line where a day has no score, and spaces days by time', async () => {
    const { lineChartSvg } = await import('../../src/domain/chart-svg');
    const svg = lineChartSvg({
      title: 'Scores <&> "over" time', days: ['2026-01-01', '2026-01-02', '2026-01-31'],
      series: [{ name: 'BM<1>', values: [10, null, 30] }, { name: 'BM2', values: [10, 20, 30] }],
    });
    expect(svg).toContain('Scores &lt;&amp;&gt; &quot;over&quot; time');
    expect(svg).toContain('BM&lt;1&gt;');
    expect(svg).not.toContain('<1>');
    const paths = [...svg.matchAll(/<path d="([^"]+)"/g)].map((m) => m[1]);
    expect(paths[0].match(/M/g)).toHaveLength(2);
    expect(paths[1].match(/M/g)).toHaveLength(1);
    const xs = paths[1].split(/[ML]/).filter(Boolean).map((p) => Number(p.split(' ')[0]));
    expect((xs[2] - xs[1]) / (xs[1] - xs[0])).toBeCloseTo(29, 0);
    expect(lineChartSvg({ title: 't', days: [], series: [] })).toContain('No scores recorded yet');
  });
});

describe('destinations and breakdowns as the report shows them', () => {
  it('hides percentages of fewer than 5 leavers or pupils', async () => {
    const { destinationYears, breakdownGaps } = await import('../../src/domain/report');
    expect(destinationYears([
      { leaverYear: 2025, cohort: 30, noConsent: 2, eetPct: 89.3, neetPct: 3.6, notKnownPct: 7.1, sustained: 20, notSustained: 2, sustainedPct: 90.9 },
      { leaverYear: 2024, cohort: 6, noConsent: 2, eetPct: 75, neetPct: 25, notKnownPct: 0, sustained: 3, notSustained: 1, sustainedPct: 75 },
      { leaverYear: 2023, cohort: 3, noConsent: 0, eetPct: 100, neetPct: 0, notKnownPct: 0, sustained: 0, notSustained: 0, sustainedPct: null },
    ])).toEqual([
      { leaverYear: 2025, cohort: 30, eetPct: 89.3, neetPct: 3.6, notKnownPct: 7.1, sustainedPct: 90.9 },
      { leaverYear: 2024, cohort: 6, eetPct: FEWER_THAN_5, neetPct: FEWER_THAN_5, notKnownPct: FEWER_THAN_5, sustainedPct: FEWER_THAN_5 },
      { leaverYear: 2023, cohort: FEWER_THAN_5, eetPct: FEWER_THAN_5, neetPct: FEWER_THAN_5, notKnownPct: FEWER_THAN_5, sustainedPct: null },
    ]);
    expect(breakdownGaps([{ key: 'bm5.employers', label: 'Employers', groups: [
      { group: 'all', pupils: 40, pct: 80, gap: null }, { group: 'lookedAfter', pupils: 3, pct: null, gap: null },
      { group: 'send', pupils: 8, pct: 62.5, gap: -20.4 }, { group: 'ehcp', pupils: 0, pct: null, gap: null },
    ] }])[0].groups).toEqual([
      { group: 'All pupils', pct: 80, gap: null }, { group: 'Looked after', pct: FEWER_THAN_5, gap: null },
      { group: 'SEND', pct: 62.5, gap: -20.4 }, { group: 'EHCP', pct: null, gap: null },
    ]);
  });
});
