/**
 * The Governors' report dialog (build/report.html): asks the server for the report's figures,
 * shows the very HTML the command line prints, and on request sends it back with the chart drawn
 * as a PNG (Apps Script's HTML-to-PDF conversion is not relied on to draw SVG) to be emailed as a
 * PDF to the member of staff who asked.
 */
import { renderReport } from '../domain/report-html';
import type { ReportData } from '../domain/report';
import { failureMessage } from './client';

type Answer<T> = { ok: true; value: T } | { ok: false; message: string };
interface ScriptRun {
  withSuccessHandler(h: (v: unknown) => void): ScriptRun;
  withFailureHandler(h: (e: unknown) => void): ScriptRun;
  [name: string]: unknown;
}

function call<T>(name: string, ...args: unknown[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const run = (window as unknown as { google?: { script?: { run?: ScriptRun } } }).google?.script?.run;
    if (!run) {
      reject(new Error('The report only works inside the tracker: open it from Extensions ▸ Careers Tracker ▸ Governors\' report.'));
      return;
    }
    const r = run
      .withSuccessHandler((v) => {
        const a = v as Answer<T> | null;
        if (a && a.ok === true) resolve(a.value);
        else reject(new Error(a && a.ok === false ? a.message : 'The tracker sent back an answer the report does not understand.'));
      })
      .withFailureHandler((e) => reject(new Error(failureMessage(e))));
    (r[name] as (...a: unknown[]) => void)(...args);
  });
}

const $ = (id: string) => document.getElementById(id) as HTMLElement;
function say(text: string, bad = false): void {
  const s = $('status');
  s.textContent = text;
  s.className = bad ? 'bad' : '';
}

/** The chart's SVG drawn on a canvas at twice its size, as a PNG data URL. */
export function chartPng(svg: SVGSVGElement): Promise<string> {
  const w = Number(svg.getAttribute('width'));
  const h = Number(svg.getAttribute('height'));
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = w * 2;
      canvas.height = h * 2;
      const g = canvas.getContext('2d');
      if (!g) return reject(new Error('This browser cannot draw the chart.'));
      g.scale(2, 2);
      g.drawImage(img, 0, 0, w, h);
      resolve(canvas.toDataURL('image/png'));
    };
    img.onerror = () => reject(new Error('The chart could not be drawn.'));
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
  });
}

async function start(): Promise<void> {
  const frame = $('report') as HTMLIFrameElement;
  const email = $('email') as HTMLButtonElement;
  const print = $('print') as HTMLButtonElement;
  let data: ReportData;
  try {
    data = await call<ReportData>('getGovernorsReport');
  } catch (e) {
    say((e as Error).message, true);
    return;
  }
  frame.srcdoc = renderReport(data);
  say('');
  print.disabled = false;
  email.disabled = false;
  print.onclick = () => frame.contentWindow?.print();
  email.onclick = async () => {
    email.disabled = true;
    say('Making the PDF and emailing it to you…');
    try {
      const svg = frame.contentDocument?.querySelector('.chart svg') as SVGSVGElement | null;
      const png = svg ? await chartPng(svg) : undefined;
      const fileName = `Governors report ${data.academicYear} (${data.asOf}).pdf`;
      const { to } = await call<{ to: string }>('emailGovernorsReport', { html: renderReport(data, { chartPng: png }), fileName });
      say(`Sent to ${to}.`);
    } catch (e) {
      say((e as Error).message, true);
    } finally {
      email.disabled = false;
    }
  };
}

start();
