/**
 * Checklists (programme.md): each checklist's score is its items done out of its items; its RAG is
 * green at 80 % or more, amber at 55 % or more, red below (for 20 items: the county's 16–20 green,
 * 11–15 amber, 0–10 red). Pure.
 */
import type { Rag } from '../ports';
import type { ChecklistItem } from './tracker';

export interface ChecklistScore {
  name: string;
  items: number;
  done: number;
  rag: Rag;
}

/** Compared in whole numbers, so 11 of 20 is exactly 55 % (amber) with no rounding error. */
export function checklistRag(done: number, items: number): Rag {
  if (done * 100 >= items * 80) return 'green';
  return done * 100 >= items * 55 ? 'amber' : 'red';
}

const key = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');

/** One score per checklist, in the order the tab first names them. */
export function scoreChecklists(items: ChecklistItem[]): ChecklistScore[] {
  const byName = new Map<string, { name: string; items: number; done: number }>();
  for (const i of items) {
    const c = byName.get(key(i.checklist)) ?? { name: i.checklist, items: 0, done: 0 };
    c.items++;
    if (i.done) c.done++;
    byName.set(key(i.checklist), c);
  }
  return [...byName.values()].map((c) => ({ ...c, rag: checklistRag(c.done, c.items) }));
}

export function hasChecklist(items: ChecklistItem[], name: string): boolean {
  return items.some((i) => key(i.checklist) === key(name));
}

/**
 * The county annual careers plan checklist's 20 points, reworded in this project's own words
 * (seeds/004: Kent's checklist). `add-checklist annual-plan` adds them.
 */
export const CHECKLIST_TEMPLATES: Record<string, { name: string; items: string[] }> = {
  'annual-plan': {
    name: 'Annual careers plan',
    items: [
      'Pupils in Years 8 to 13 can get independent, impartial careers guidance',
      'The school has a named careers leader',
      'A written agreement is in place with our external careers guidance provider',
      'Governors have approved this year\'s careers plan',
      'The careers policy is in use and is reviewed every year',
      'A careers programme runs for Years 7 to 11, including pupils who study part of the week at college',
      'A careers programme runs for students after 16',
      'Employers come into school as part of the careers programme',
      'The careers leader takes part in the local careers network meetings',
      'Apprenticeships are presented as a real option throughout the programme',
      'Every careers adviser we use holds a Level 6 qualification or higher',
      'Pupils can use up-to-date labour market information',
      'The careers leader or adviser is at parents\' evenings',
      'This year\'s careers budget is agreed',
      'Teachers have regular training on careers education',
      'A careers quality award: first stage reached',
      'A careers quality award: second stage reached',
      'A careers quality award: full award reached',
      'Work-related learning and enterprise are part of subjects across the curriculum',
      'Pupils\' feedback on careers education has been collected and used',
    ],
  },
};
