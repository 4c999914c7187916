/**
 * Thin Apps Script adapters for the clock, properties, the document lock and the signed-in user.
 */
import type { ClockPort, LockPort, PropertiesPort, UserPort } from '../ports';
import { LockBusyError } from '../ports';
import type { Day } from '../domain/calendar';

export class GasClock implements ClockPort {
  now(): Date {
    return new Date();
  }
  local(timeZone: string): { day: Day; hour: number; minute: number } {
    const [day, hour, minute] = Utilities.formatDate(this.now(), timeZone, 'yyyy-MM-dd HH mm').split(' ');
    return { day, hour: Number(hour), minute: Number(minute) };
  }
}

/**
 * Google gives no document lock or document properties (null) when the script runs outside the
 * tracker, e.g. a copy of the script not bound to it: say so, rather than "someone is busy".
 */
export const NOT_IN_TRACKER = 'Careers Tracker is not running inside the tracker spreadsheet, so Google gives it no document lock or settings. '
  + 'Use the Extensions menu of the tracker itself (and schedule the weekly jobs from there).';

export class GasProperties implements PropertiesPort {
  constructor(private readonly store: GoogleAppsScript.Properties.Properties | null) {}
  private s(): GoogleAppsScript.Properties.Properties {
    if (!this.store) throw new Error(NOT_IN_TRACKER);
    return this.store;
  }
  get(key: string): string | null {
    return this.s().getProperty(key);
  }
  set(key: string, value: string): void {
    this.s().setProperty(key, value);
  }
  delete(key: string): void {
    this.s().deleteProperty(key);
  }
}

export class GasDocumentLock implements LockPort {
  withLock<T>(work: () => T, waitMs = 20_000): T {
    const lock = LockService.getDocumentLock();
    if (!lock) throw new Error(NOT_IN_TRACKER);
    if (!lock.tryLock(waitMs)) throw new LockBusyError();
    try {
      const result = work();
      SpreadsheetApp.flush();
      return result;
    } finally {
      lock.releaseLock();
    }
  }
}

export class GasUser implements UserPort {
  email(): string {
    return (Session.getActiveUser().getEmail() || '').trim().toLowerCase();
  }
}
