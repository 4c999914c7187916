/**
 * Words and dates as the sidebar shows them.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2 Mar 2026` */
export function shortDay(day: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day ?? '');
  if (!m) return day ?? '';
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

export function daysAgo(days: number): string {
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? word : many}`;
}

export const CHIP_WORDS: Record<'placed' | 'amber' | 'red', string> = { placed: 'Placed', amber: 'Amber', red: 'Red' };
export const CHIP_MEANING: Record<'placed' | 'amber' | 'red', string> = {
  placed: 'placed: has accepted a post-16 place',
  amber: 'amber: not placed yet',
  red: 'red: not placed, needs action now',
};

/** A fresh id for one meeting form, so a repeated save is recognised by the server. */
export function newRequestId(): string {
  const bytes = new Uint8Array(12);
  const c = (globalThis as unknown as { crypto?: Crypto }).crypto;
  if (c && c.getRandomValues) c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  let id = 'm';
  for (let i = 0; i < bytes.length; i++) id += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
  return id;
}
