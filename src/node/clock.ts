import type { ClockPort } from '../ports';
import type { Day } from '../domain/calendar';

/** The real clock, or a fixed day (`--today`) at 08:00 local time. */
export class NodeClock implements ClockPort {
  constructor(private readonly fixedDay: Day | null = null, private readonly fixedTime = { hour: 8, minute: 0 }) {}

  now(): Date {
    return new Date();
  }

  /** The fixed day and time as an instant in the time zone; null on the real clock. */
  fixedInstant(timeZone: string): Date | null {
    if (!this.fixedDay) return null;
    const [y, m, d] = this.fixedDay.split('-').map(Number);
    const guess = Date.UTC(y, m - 1, d, this.fixedTime.hour, this.fixedTime.minute);
    // The zone's offset at that moment: what its wall clock shows at `guess`, minus `guess`.
    const parts = new Intl.DateTimeFormat('en-GB', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    }).formatToParts(new Date(guess));
    const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
    const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
    return new Date(guess - (wall - guess));
  }

  local(timeZone: string): { day: Day; hour: number; minute: number } {
    if (this.fixedDay) return { day: this.fixedDay, ...this.fixedTime };
    const parts = new Intl.DateTimeFormat('en-GB', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    }).formatToParts(this.now());
    const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
    return { day: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')), minute: Number(get('minute')) };
  }
}
