/**
 * Free text written by staff (an action, a note) can name a pupil. Output meant for governors or
 * for other staff shows figures, never individuals, so every pupil's full name and Pupil ID found
 * in such text is replaced by "[pupil]". Words are compared ignoring case, accents and curly apostrophes. A first name or surname
 * on its own is not caught (it would blank ordinary words such as Hall or Green).
 */
import type { Pupil } from './tracker';

const WORD = /[A-Za-z0-9\u00C0-\u024F'\u2019-]+/g;
/** Compared without case or accents, a curly apostrophe as a straight one: "zoe o’neill" is Zoë O'Neill. */
const fold = (w: string) => w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\u2019/g, "'");
const words = (s: string) => (s.normalize('NFC').match(WORD) ?? []).map(fold);

export type Redactor = (text: string) => string;

export function pupilRedactor(pupils: Pick<Pupil, 'name' | 'id'>[]): Redactor {
  const names = new Set<string>();
  let longest = 1;
  const add = (phrase: string[]) => {
    if (phrase.length === 0) return;
    names.add(phrase.join(' '));
    longest = Math.max(longest, phrase.length);
  };
  for (const p of pupils) {
    const n = words(p.name);
    add(n);
    add(words(p.id));
  }
  return (raw) => {
    if (!raw) return raw;
    const text = raw.normalize('NFC');
    const spans: { start: number; end: number; word: string }[] = [];
    for (const m of text.matchAll(WORD)) spans.push({ start: m.index as number, end: (m.index as number) + m[0].length, word: fold(m[0]) });
    let out = '';
    let at = 0;
    for (let i = 0; i < spans.length; i++) {
      for (let len = Math.min(longest, spans.length - i); len >= 1; len--) {
        const phrase = spans.slice(i, i + len).map((s) => s.word).join(' ');
        if (!names.has(phrase)) continue;
        out += `${text.slice(at, spans[i].start)}[pupil]`;
        at = spans[i + len - 1].end;
        i += len - 1;
        break;
      }
    }
    return out + text.slice(at);
  };
}
