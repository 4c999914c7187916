/**
 * Time-driven triggers through ScriptApp. An editor add-on may keep one time-driven trigger per
 * user per document, at most hourly, and each user sees only their own.
 */
import type { UserPort } from '../ports';
import type { TriggerPort } from '../jobs/schedule';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Trigger = GoogleAppsScript.Script.Trigger;

export class GasTriggers implements TriggerPort {
  constructor(private readonly ss: Spreadsheet) {}

  private mine(handler: string): Trigger[] {
    return ScriptApp.getUserTriggers(this.ss).filter(
      (t) => t.getHandlerFunction() === handler && t.getEventType() === ScriptApp.EventType.CLOCK,
    );
  }

  countMine(handler: string): number {
    return this.mine(handler).length;
  }

  createHourly(handler: string): void {
    ScriptApp.newTrigger(handler).timeBased().everyHours(1).create();
  }

  deleteMine(handler: string): number {
    const found = this.mine(handler);
    for (const t of found) ScriptApp.deleteTrigger(t);
    return found.length;
  }
}

/** In a trigger, the account the trigger runs as (its creator). */
export class GasEffectiveUser implements UserPort {
  email(): string {
    return (Session.getEffectiveUser().getEmail() || '').trim().toLowerCase();
  }
}
