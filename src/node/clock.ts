import type { ClockPort } from '../ports';
import type { Day } from '../domain/calendar';

/** The real clock, or a fixed day (`--today`) at 08:00 local time. */
export class NodeClock implements ClockPort {
  constructor(private readonly fixedDay: Day | null = null, private readonly fixedTime = { hour: 8, minute: 0 }) {}

  now(): Date {
    return new Date();
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
