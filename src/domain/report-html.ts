/**
 * The governors' report as one HTML document, laid out for A4 (programme.md, nine sections). The
 * same function renders it on the command line (printed to PDF by Chromium) and in the Sheets
 * dialog (whose browser code rasterises the chart for the emailed PDF). Every value is escaped.
 */
import { formatLongDay } from './calendar';
import { lineChartSvg } from './chart-svg';
import { escapeHtml } from './html';
import { FEWER_THAN_5, type ReportData } from './report';
import { RAG_COLOURS } from './write';
import { NATIONAL_AVERAGE_ACHIEVED } from './benchmarks';

export const REPORT_TITLE = 'Careers programme: report to governors';
export const HEADLINE = (n: number) => `${n} of 8 benchmarks achieved (indicative, from this tracker)`;
export const FOOTNOTE = `For context: schools in England fully achieved ${NATIONAL_AVERAGE_ACHIEVED} of 8 on average in 2024/25 in Compass self-evaluations, which use a different method; the two are not directly comparable.`;

export interface RenderOptions {
  /** a PNG data URL of the chart, used instead of the inline SVG (the emailed PDF) */
  chartPng?: string;
}

const e = escapeHtml;
const RAG_WORDS: Record<string, string> = { green: 'Green', amber: 'Amber', red: 'Red' };
const num = (v: number | string | null | undefined, suffix = '') => (v === null || v === undefined ? '–' : v === FEWER_THAN_5 ? 'fewer than 5' : `${v}${suffix}`);
const ragCell = (rag: string | null) => (rag ? `<td class="rag" style="background:${RAG_COLOURS[rag as 'red']}">${RAG_WORDS[rag]}</td>` : '<td class="rag" style="background:#e8eaed">Not assessed</td>');
const table = (head: string[], rows: string[][], cls = '') => `<table${cls ? ` class="${cls}"` : ''}><thead><tr>${head.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => (c.startsWith('<td') ? c : `<td>${c}</td>`)).join('')}</tr>`).join('')}</tbody></table>`;
const signed = (n: number | null) => (n === null ? '–' : n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

export const REPORT_CSS = `@page{size:A4;margin:14mm 14mm 16mm}
*{box-sizing:border-box}
body{font-family:Arial,Helvetica,sans-serif;font-size:10pt;line-height:1.35;color:#202124;margin:0;background:#fff}
main{max-width:180mm;margin:0 auto}
h1{font-size:17pt;margin:0 0 2pt}
h2{font-size:12pt;margin:14pt 0 4pt;padding-bottom:2pt;border-bottom:1.5pt solid #1b6ac9;break-after:avoid}
p{margin:3pt 0}
.meta{color:#5f6368;margin-bottom:6pt}
.headline{font-size:13pt;font-weight:bold;margin:8pt 0 2pt}
.note{color:#5f6368;font-size:8.5pt}
table{border-collapse:collapse;width:100%;margin:4pt 0;break-inside:auto}
tr{break-inside:avoid}
th,td{border:0.75pt solid #c4c7c5;padding:2.5pt 4pt;text-align:left;vertical-align:top}
th{background:#f1f3f4;font-weight:bold}
td.n,th.n{text-align:right}
td.rag{font-weight:bold;text-align:center;width:20mm}
.chart{margin:6pt 0;break-inside:avoid}
.chart img,.chart svg{width:100%;height:auto;display:block}
.nodata{font-style:italic;color:#5f6368}
footer{margin-top:14pt;color:#5f6368;font-size:8pt}
.keep{break-inside:avoid}h3{font-size:10.5pt;margin:10pt 0 3pt;break-after:avoid}
.bm th:first-child{width:33%}.bm td:nth-child(5){white-space:nowrap}
table.small{font-size:8.5pt}`;

export function renderReport(data: ReportData, options: RenderOptions = {}): string {
  const s: string[] = [];
  const school = data.school || 'Our school';
  // 1. School, date, year; the headline and the national figure as a footnote.
  s.push(`<h1>${e(school)}: ${e(REPORT_TITLE.split(': ')[1])}</h1>`);
  s.push(`<p class="meta">${e(REPORT_TITLE.split(':')[0])} · academic year ${e(data.academicYear)} · made from the careers tracker on ${e(formatLongDay(data.asOf))}</p>`);
  s.push(`<p class="headline">${e(HEADLINE(data.achieved))}</p>`);
  s.push(`<p class="note">${e(FOOTNOTE)} The scores are indicative: the Compass evaluation's own formula is not public. Figures about fewer than 5 pupils are shown as "fewer than 5" so that no pupil can be identified, and a figure that would give one away by subtraction is "not shown".</p>`);

  // 2. The eight benchmarks and the chart.
  s.push('<h2>1. The eight benchmarks</h2>');
  s.push(table(['Benchmark', 'Measured %', 'Self-assessed %', 'Score %', 'Status', 'RAG', 'Change since snapshot'],
    data.benchmarks.map((b) => [`${b.id}. ${e(b.name)}`, `<td class="n">${num(b.measured)}</td>`, `<td class="n">${num(b.selfAssessed)}</td>`, `<td class="n"><b>${num(b.score)}</b></td>`, e(b.status), ragCell(b.rag), `<td class="n">${data.snapshot ? signed(b.change) : '–'}</td>`]), 'bm keep'));
  s.push('<p class="note">Measured: from what the tracker records about pupils (activities, meetings, destinations). Self-assessed: from the school\'s own audit. Score: every criterion counted equally.'
    + (data.snapshot ? ` Change: points since the snapshot, the last run on or before the latest 31 December, 31 March or 31 July (${e(formatLongDay(data.snapshot))}).` : ' No earlier scores on or before a snapshot date (31 December, 31 March, 31 July) yet, so no change is shown.') + '</p>');
  const svg = lineChartSvg({
    title: 'Benchmark scores over time (%)', days: data.history.days,
    series: data.history.series.map((values, k) => ({ name: `BM${k + 1}`, values })),
  });
  s.push(`<div class="chart">${options.chartPng ? `<img alt="Benchmark scores over time (%)" src="${e(options.chartPng)}" width="680" height="300">` : svg}</div>`);

  // 3. Year 11.
  const y = data.year11;
  s.push('<h2>2. Year 11 and post-16 places</h2>');
  s.push(table(['Year 11 pupils', 'Accepted a place', 'Holding an offer', 'Red', 'Amber', 'No offer (September Guarantee)'],
    [[y.cohort, y.accepted, y.offers, y.red, y.amber, y.noOffer].map((v) => `<td class="n">${num(v)}</td>`)], 'keep'));
  s.push('<p class="note">Red: a deadline has passed without an application or offer, or several risk factors add up. The September Guarantee list is every Year 11 without an offer, as the local authority asks.</p>');

  // 4. Destinations.
  s.push('<h2>3. Destinations of leavers</h2>');
  if (!data.destinations || data.destinations.length === 0) {
    s.push('<p class="nodata">No data yet: the tracker does not yet hold destination statistics for leavers.</p>');
  } else {
    s.push(table(['Leaver year', 'Leavers', 'In education, employment or training %', 'NEET %', 'Not known %', 'Sustained %'],
      data.destinations.map((d) => [String(d.leaverYear), `<td class="n">${num(d.cohort)}</td>`, `<td class="n">${num(d.eetPct)}</td>`, `<td class="n">${num(d.neetPct)}</td>`, `<td class="n">${num(d.notKnownPct)}</td>`, `<td class="n">${num(d.sustainedPct)}</td>`])));
  }

  // 5. Who is missing out.
  s.push('<h2>4. Who is missing out</h2>');
  if (!data.breakdowns || data.breakdowns.length === 0) {
    s.push('<p class="nodata">No data yet: the tracker does not yet break the figures down for SEND, looked-after and disadvantaged pupils.</p>');
  } else {
    const groups = data.breakdowns[0].groups.map((g) => g.group);
    s.push(table(['Criterion', ...groups.map((g) => `${g} % (gap)`)], data.breakdowns.map((b) => [e(b.label), ...b.groups.map((g) => `<td class="n">${num(g.pct)}${g.gap === null ? '' : ` (${signed(g.gap)})`}</td>`)])));
    s.push('<p class="note">Gap: the group\'s % minus the rest\'s, in points, shown when both groups have 5 or more pupils.</p>');
  }

  // 6. Per year group.
  s.push('<h2>5. Each measured criterion by year group</h2>');
  const yg = data.yearGroups;
  if (yg.rows.length === 0 || yg.criteria.length === 0) {
    s.push('<p class="nodata">No data yet: no pupils on roll, or no measured criterion applies to them.</p>');
  } else {
    s.push(table(['Criterion (% of pupils who meet it)', ...yg.rows.map((r) => `${r.group} (${num(r.cohort)})`)],
      yg.criteria.map((c, k) => [e(c.label), ...yg.rows.map((r) => `<td class="n">${r.pct[k] === null ? '' : num(r.pct[k], '%')}</td>`)]), 'small'));
    s.push('<p class="note">A blank cell: the criterion is not about that year group. The number beside each group is its pupils.</p>');
  }

  // 7. Provider access.
  s.push('<h2>6. Provider access this year</h2>');
  s.push(table(['Key phase', 'Provider access encounters', 'Different providers'], data.providerAccess.map((p) => [e(p.phase), `<td class="n">${p.encounters}</td>`, `<td class="n">${p.providers}</td>`]), 'keep'));
  s.push('<p class="note">Activities marked as provider access (colleges, training providers, universities and apprenticeship providers meeting pupils) since the start of this academic year. The law asks for at least two in Years 8–9 and two in Years 10–11.</p>');

  // 8. Programme, audit action plan, checklists.
  s.push('<h2>7. The careers programme, action plan and checklists</h2>');
  const p = data.programme;
  if (!p) {
    s.push('<p class="nodata">No data yet: the Programme tab has no actions.</p>');
  } else {
    s.push(`<p><b>${e(p.thisTerm.name)}:</b> ${p.thisTerm.actions} actions due, ${p.thisTerm.done} done (${p.thisTerm.onTime} on time), ${p.thisTerm.overdue} overdue, ${p.thisTerm.dueSoon} due in the next two weeks.`
      + ` <b>This academic year (${e(data.academicYear)}):</b> ${p.year.actions} actions, ${p.year.done} done; ${p.year.onTimePct === null ? 'none due yet' : `${p.year.onTimePct}% of those due so far done on time`}; ${p.year.overdue} overdue; ${p.year.dropped} dropped.</p>`);
    s.push(table(['Term', 'Actions', 'Done', 'On time', 'Overdue', 'Dropped', 'On time %'], p.byTerm.map((t) => [e(t.term), ...[t.actions, t.done, t.onTime, t.overdue, t.dropped].map((v) => `<td class="n">${v}</td>`), `<td class="n">${num(t.onTimePct)}</td>`]), 'keep'));
  }
  s.push('<h3>Audit criteria not yet achieved, with the action plan</h3>');
  if (data.auditPlan.length === 0) s.push('<p class="nodata">Every audit criterion is achieved (or not applicable).</p>');
  else {
    s.push(table(['BM', 'Criterion', 'Rating', 'Action', 'Owner', 'Cost', 'Deadline', 'Success criteria'], data.auditPlan.map((a) => [
      String(a.benchmark), e(a.criterion), e(a.rating), a.action ? e(a.action) : '<i>no action planned</i>', e(a.owner ?? ''), e(a.cost ?? ''), a.deadline ? e(formatLongDay(a.deadline)) : '', e(a.success ?? ''),
    ]), 'small'));
  }
  s.push('<h3>Checklists</h3>');
  if (data.checklists.length === 0) s.push('<p class="nodata">No checklists in the tracker yet.</p>');
  else s.push(table(['Checklist', 'Items done', 'RAG'], data.checklists.map((c) => [e(c.name), `<td class="n">${c.done} of ${c.items}</td>`, ragCell(c.rag)]), 'keep'));

  // 9. Evidence folders.
  s.push('<h2>8. Evidence folders</h2>');
  const ev = data.evidence;
  if (!ev) s.push('<p class="nodata">No data yet: the evidence folders have not been reported on (menu: Report on evidence folders).</p>');
  else {
    const weak = ev.benchmarks.filter((b) => b.status !== 'OK');
    s.push(`<p>From the last evidence report${ev.generated ? `, ${e(formatLongDay(ev.generated))}` : ''}: ${weak.length === 0 ? 'every benchmark folder has recent evidence.' : weak.map((b) => `BM${b.id} ${b.status.toLowerCase()}`).join(', ') + '; the rest have recent evidence.'}</p>`);
    s.push('<p class="note">Empty: no file in the benchmark\'s folders. Stale: no file updated recently (the Evidence stale days setting).</p>');
  }
  s.push('<footer>Made by Careers Tracker from the school\'s careers tracker. Figures only: no pupil is named.</footer>');
  return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>${e(`${school}: ${REPORT_TITLE}`)}</title><style>${REPORT_CSS}</style></head><body><main>${s.join('\n')}</main></body></html>`;
}
