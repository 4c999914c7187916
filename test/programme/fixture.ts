/** A small tracker with a careers calendar, for the programme and report tests. */
import type { CellValue } from '../../src/ports';
import { syntheticTracker, type Tabs } from '../support/synthetic';
import { CHECKLIST_TEMPLATES } from '../../src/domain/checklists';
import { addDays } from '../../src/domain/calendar';

export const PROGRAMME_TABS: Record<string, CellValue[][]> = {
  Settings: [['Setting', 'Value'], ['School name', 'Test School']],
  Staff: [
    ['Initials', 'Name', 'Email', 'Role'],
    ['HO', 'Hannah Okafor', 'ho@school.example', 'Careers leader'],
    ['FR', 'Fran Reed', 'fr@school.example', 'Mentor'],
    ['KB', 'Karen Blake', 'kb@school.example', 'Admin'],
    ['NH', 'Nigel Hartley', 'nh@school.example', 'Governor'],
  ],
  Pupils: [['Pupil ID', 'Name', 'Year'], ['A100200300400', 'Tegan Smith', 11]],
  Programme: [
    ['Action', 'Due', 'Term', 'Owner', 'Benchmarks', 'Status', 'Done on'],
    ['Work experience visit for Tegan Smith (A100200300400)', '20/02/2026', 'Term 3', 'HO', 'BM6', 'In progress', ''],
    ['National Careers Week', '06/03/2026', 'Term 4', 'HO, FR', 'BM5', '', ''],
    ['Summer tasters', '01/06/2026', 'Term 6', 'KB', 'BM7', '', ''],
    ['Careers fair', '28/01/2026', 'Term 3', 'FR', 'BM5', 'Actioned', '30/01/2026'],
    ['Parents evening', '10/12/2025', 'Term 2', 'FR', 'BM8', 'Cancelled', ''],
    ['Army talk', '13/03/2026', 'Term 4', 'JW', 'BM5', '', ''],
  ],
};


/** A synthetic tracker with a year's calendar of 40 actions and the annual-plan checklist. */
export function withProgramme(pupils: number): Tabs {
  const tabs = syntheticTracker({ pupils });
  const owners = ['CL', 'M1', 'M2', 'AD', 'CA'];
  tabs.Programme = [['Action', 'Due', 'Term', 'Owner', 'Benchmarks', 'Status', 'Done on'],
    ...Array.from({ length: 40 }, (_, i): CellValue[] => {
      const due = addDays('2025-09-05', i * 9);
      const past = due < '2026-03-02';
      return [`Action ${i}`, { day: due }, `Term ${1 + Math.floor(i / 7)}`, owners[i % 5], String(1 + (i % 8)), past && i % 4 ? 'Done' : '', past && i % 4 ? { day: due } : ''];
    })];
  tabs.Checklists = [['Checklist', 'Item', 'Done'], ...CHECKLIST_TEMPLATES['annual-plan'].items.map((item, i) => ['Annual careers plan', item, i % 3 ? 'Yes' : 'No'])];
  return tabs;
}

