/**
 * Once-only saves from the sidebar (double clicks, retries): the keys of the last saves of each kind,
 * kept in document properties. A key is the request id with a hash of what was sent, so a retry of
 * the same save is recognised, but an edited form sent again under the same id (its first answer
 * lost) is saved rather than swallowed.
 */
import type { JobContext } from './context';

const KEPT = 100;

export function requestKey(request: { requestId: string }): string {
  const { requestId, ...content } = request;
  const text = JSON.stringify(content);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `${requestId}.${(h >>> 0).toString(36)}`;
}

/** The keys already saved in this store ('mentorLog', 'leavers', 'activityLog'). */
export function savedRequests(ctx: JobContext, store: string): string[] {
  const raw = ctx.documentProperties?.get(`${store}.savedRequests`);
  if (!raw) return [];
  try {
    const ids = JSON.parse(raw);
    return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Call only once the save has been written. */
export function rememberRequest(ctx: JobContext, store: string, saved: string[], key: string): void {
  ctx.documentProperties?.set(`${store}.savedRequests`, JSON.stringify([...saved, key].slice(-KEPT)));
}

/** Whether an earlier, different version of this request was saved (same id, other content). */
export function savedEarlierVersion(saved: string[], requestId: string): boolean {
  return saved.some((k) => k.startsWith(`${requestId}.`));
}
