/**
 * Escaping for every value from the sheet that goes into HTML (emails, dialogs).
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** A link only when the URL is http(s); anything else (javascript:, data:) becomes plain text. */
export function safeHref(url: string | null | undefined): string | null {
  const u = String(url ?? '').trim();
  return /^https?:\/\/[^\s<>"']+$/i.test(u) ? u : null;
}
