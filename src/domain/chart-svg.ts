/**
 * A line chart as an SVG string: each benchmark's score (0–100) over time, one point per day,
 * dates spaced by time. Pure, so the same chart is drawn on the command line, in the Sheets
 * dialog and (rasterised by the dialog) in the emailed PDF. Every text is escaped.
 */
import { type Day, daysBetween, dayParts, MONTHS } from './calendar';
import { escapeHtml } from './html';

export interface ChartSeries {
  name: string;
  /** one value per day of `days`; null where there is none */
  values: (number | null)[];
}

export interface LineChart {
  title: string;
  days: Day[];
  series: ChartSeries[];
  width?: number;
  height?: number;
}

/** Eight colours that stay apart in print and for the commonest colour-vision deficiencies. */
export const SERIES_COLOURS = ['#1b6ac9', '#e8710a', '#188038', '#d93025', '#8430ce', '#795548', '#d01884', '#5f6368'];
const DASHES = ['', '', '', '', '6 3', '6 3', '2 2', '2 2'];

const f = (n: number) => String(Math.round(n * 10) / 10);

export function lineChartSvg(chart: LineChart): string {
  const width = chart.width ?? 680;
  const height = chart.height ?? 300;
  const left = 40;
  const right = 92;
  const top = 28;
  const bottom = 34;
  const w = width - left - right;
  const h = height - top - bottom;
  const days = chart.days;
  const span = days.length > 1 ? daysBetween(days[0], days[days.length - 1]) : 0;
  const x = (d: Day) => left + (span === 0 ? w / 2 : (w * daysBetween(days[0], d)) / span);
  const y = (v: number) => top + h - (h * Math.max(0, Math.min(100, v))) / 100;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(chart.title)}" font-family="Arial, Helvetica, sans-serif" font-size="11">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${left}" y="16" font-size="13" font-weight="bold" fill="#202124">${escapeHtml(chart.title)}</text>`,
  ];
  for (const v of [0, 25, 50, 75, 100]) {
    out.push(`<line x1="${left}" x2="${left + w}" y1="${f(y(v))}" y2="${f(y(v))}" stroke="${v === 0 ? '#5f6368' : '#dadce0'}" stroke-width="1"/>`);
    out.push(`<text x="${left - 6}" y="${f(y(v) + 4)}" text-anchor="end" fill="#5f6368">${v}</text>`);
  }
  // Month ticks: the first of each month in the range (at most about 12 labels).
  if (days.length > 0) {
    const first = dayParts(days[0]);
    const last = days[days.length - 1];
    const months: Day[] = [];
    let yy = first.year;
    let mm = first.month;
    for (;;) {
      const d = `${yy}-${String(mm).padStart(2, '0')}-01`;
      if (d > last) break;
      if (d >= days[0]) months.push(d);
      mm++;
      if (mm > 12) { mm = 1; yy++; }
    }
    const step = Math.max(1, Math.ceil(months.length / 12));
    months.forEach((d, i) => {
      if (i % step !== 0) return;
      const p = dayParts(d);
      out.push(`<line x1="${f(x(d))}" x2="${f(x(d))}" y1="${top + h}" y2="${top + h + 4}" stroke="#5f6368"/>`);
      out.push(`<text x="${f(x(d))}" y="${top + h + 16}" text-anchor="middle" fill="#5f6368">${MONTHS[p.month - 1].slice(0, 3)}${p.month === 1 || i === 0 ? ` ${p.year}` : ''}</text>`);
    });
    if (span === 0) out.push(`<text x="${f(x(days[0]))}" y="${top + h + 28}" text-anchor="middle" fill="#5f6368">${escapeHtml(days[0])}</text>`);
  }
  chart.series.forEach((s, k) => {
    const colour = SERIES_COLOURS[k % SERIES_COLOURS.length];
    let path = '';
    let pen = false;
    s.values.forEach((v, i) => {
      if (v === null || v === undefined) {
        pen = false;
        return;
      }
      path += `${pen ? 'L' : 'M'}${f(x(days[i]))} ${f(y(v))}`;
      pen = true;
    });
    if (path) {
      out.push(`<path d="${path}" fill="none" stroke="${colour}" stroke-width="2"${DASHES[k % DASHES.length] ? ` stroke-dasharray="${DASHES[k % DASHES.length]}"` : ''}/>`);
    }
    s.values.forEach((v, i) => {
      if (v !== null && v !== undefined && (days.length <= 40 || i === days.length - 1)) {
        out.push(`<circle cx="${f(x(days[i]))}" cy="${f(y(v))}" r="2.5" fill="${colour}"/>`);
      }
    });
    const ly = top + 6 + k * 16;
    out.push(`<line x1="${left + w + 12}" x2="${left + w + 34}" y1="${ly}" y2="${ly}" stroke="${colour}" stroke-width="2"${DASHES[k % DASHES.length] ? ` stroke-dasharray="${DASHES[k % DASHES.length]}"` : ''}/>`);
    out.push(`<text x="${left + w + 40}" y="${ly + 4}" fill="#202124">${escapeHtml(s.name)}</text>`);
  });
  if (days.length === 0) out.push(`<text x="${left + w / 2}" y="${top + h / 2}" text-anchor="middle" fill="#5f6368">No scores recorded yet</text>`);
  out.push('</svg>');
  return out.join('');
}
