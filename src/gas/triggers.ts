/**
 * Time-driven triggers through ScriptApp. An editor add-on may keep one time-driven trigger per
 * user per document, at most hourly, and each user sees only their own.
 *
 * Finding our trigger: `getUserTriggers(spreadsheet)` is documented for the triggers "in the given
 * spreadsheet", which a bound script's time-driven trigger is not, and `getProjectTriggers()` of an
 * add-on holds the user's triggers in every document. So the trigger's unique ID is kept in the
 * document properties (one key per user) and looked up among `getProjectTriggers()`: right for a
 * bound script, a copied template and an add-on alike.
 */
import type { PropertiesPort, UserPort } from '../ports';
import type { TriggerPort } from '../jobs/schedule';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Trigger = GoogleAppsScript.Script.Trigger;

export const triggerIdKey = (user: string): string => `schedule.trigger.${user}`;

export class GasTriggers implements TriggerPort {
  constructor(private readonly ss: Spreadsheet, private readonly props: PropertiesPort, private readonly user: string) {}

  private mine(handler: string): Trigger[] {
    const id = this.props.get(triggerIdKey(this.user));
    const ours = (t: Trigger) => t.getHandlerFunction() === handler && t.getEventType() === ScriptApp.EventType.CLOCK;
    const found = id ? ScriptApp.getProjectTriggers().filter((t) => ours(t) && t.getUniqueId() === id) : [];
    // One made before its ID was kept, where Google lists it with the spreadsheet.
    for (const t of ScriptApp.getUserTriggers(this.ss)) if (ours(t) && t.getUniqueId() !== id) found.push(t);
    return found;
  }

  countMine(handler: string): number {
    return this.mine(handler).length;
  }

  createHourly(handler: string): void {
    const t = ScriptApp.newTrigger(handler).timeBased().everyHours(1).create();
    this.props.set(triggerIdKey(this.user), t.getUniqueId());
  }

  deleteMine(handler: string): number {
    const found = this.mine(handler);
    for (const t of found) ScriptApp.deleteTrigger(t);
    this.props.delete(triggerIdKey(this.user));
    return found.length;
  }
}

/** In a trigger, the account the trigger runs as (its creator). */
export class GasEffectiveUser implements UserPort {
  email(): string {
    return (Session.getEffectiveUser().getEmail() || '').trim().toLowerCase();
  }
}
