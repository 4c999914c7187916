/** A small tracker with a careers calendar, for the programme and report tests. */
import type { CellValue } from '../../src/ports';

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

