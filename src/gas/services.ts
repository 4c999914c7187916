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

export class GasProperties implements PropertiesPort {
  constructor(private readonly store: GoogleAppsScript.Properties.Properties) {}
  get(key: string): string | null {
    return this.store.getProperty(key);
  }
  set(key: string, value: string): void {
    this.store.setProperty(key, value);
  }
  delete(key: string): void {
    this.store.deleteProperty(key);
  }
}

export class GasDocumentLock implements LockPort {
  withLock<T>(work: () => T, waitMs = 20_000): T {
    const lock = LockService.getDocumentLock();
    if (!lock || !lock.tryLock(waitMs)) throw new LockBusyError();
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
