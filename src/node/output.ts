/**
 * What the command line prints for people: short tables and a progress bar on a terminal.
 */
export function table(headers: string[], rows: (string | number | null)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => (c === null ? '' : String(c))))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (c ?? '').padEnd(widths[i])).join('  ').trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** A progress bar on stderr, only when it is a terminal. */
export function progressBar(stream: NodeJS.WriteStream): (done: number, total: number, label: string) => void {
  if (!stream.isTTY) return () => undefined;
  let last = -1;
  return (done, total, label) => {
    const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
    if (pct === last && done !== total) return;
    last = pct;
    const filled = Math.round(pct / 5);
    stream.write(`\r[${'#'.repeat(filled)}${' '.repeat(20 - filled)}] ${String(pct).padStart(3)}% ${label}`);
    if (done >= total) stream.write('\n');
  };
}
