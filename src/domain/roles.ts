/**
 * Who may run what. Google Sheets sharing decides who can open the tracker; within it, the
 * Staff tab decides which staff may run each job. A tracker whose Staff tab is still empty is
 * being set up, so anyone with edit access may run the jobs until a member of staff is added.
 */
import type { Role } from './schema';
import type { StaffMember } from './tracker';

export type JobName = 'setup' | 'check' | 'score' | 'unplaced' | 'bulletin' | 'import' | 'evidence' | 'schedule' | 'settings' | 'destinations' | 'laReturn' | 'pseudonymise'
  | 'sar' | 'transitions'
  | 'programme' | 'report';

export const JOB_ROLES: Record<JobName, Role[] | 'any staff'> = {
  setup: ['Careers leader', 'Admin'],
  check: 'any staff',
  score: ['Careers leader', 'Admin', 'Governor'],
  unplaced: ['Careers leader'],
  bulletin: ['Careers leader', 'Admin'],
  import: ['Careers leader', 'Admin'],
  evidence: ['Careers leader', 'Admin', 'Governor'],
  schedule: ['Careers leader', 'Admin'],
  settings: ['Careers leader', 'Admin'],
  destinations: ['Careers leader', 'Destinations lead', 'Careers adviser', 'Admin'],
  laReturn: ['Careers leader', 'Destinations lead'],
  pseudonymise: ['Careers leader'],
  // records.md: the subject access request menu, and the Year 11 transition batch (a mentor's covers their mentees)
  sar: ['Careers leader'],
  transitions: ['Careers leader', 'Careers adviser', 'Mentor'],
  programme: ['Careers leader'],
  report: ['Careers leader', 'Governor'],
};

export type Permission = { ok: true; member: StaffMember | null } | { ok: false; message: string };

/**
 * `rowsInTab`: the Staff tab's non-blank rows below its header. A tab with rows of which none
 * can be read (a title above the headers, a renamed column) is not a tracker being set up: only
 * the problems check runs, so the careers leader can find what to correct.
 */
export function mayRun(staff: StaffMember[], email: string, job: JobName, rowsInTab = 0): Permission {
  if (staff.length === 0 && (rowsInTab === 0 || job === 'check')) return { ok: true, member: null };
  if (staff.length === 0) {
    return { ok: false, message: 'The Staff tab has rows, but Careers Tracker cannot read any of them, so it cannot tell who may run this. Check that the first row of the Staff tab holds the headers Initials, Name, Email and Role, and that each member of staff has all four filled in. Check tracker for problems lists what to correct.' };
  }
  const wanted = email.trim().toLowerCase();
  if (!wanted) {
    return { ok: false, message: 'Careers Tracker cannot see which Google account you are signed in with. Sign in with your school account (only one account at a time) and try again.' };
  }
  const member = staff.find((m) => m.email === wanted);
  if (!member) return { ok: false, message: `${wanted} is not in the Staff tab. Ask the careers leader to add you.` };
  const allowed = JOB_ROLES[job];
  if (allowed === 'any staff' || member.roles.some((r) => allowed.includes(r))) return { ok: true, member };
  return { ok: false, message: `This needs the role ${allowed.join(' or ')} in the Staff tab; yours is ${member.roles.join(', ')}.` };
}
