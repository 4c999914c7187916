import type { LockPort, PropertiesPort } from '../ports';
import { LockBusyError } from '../ports';

/** Properties kept for the length of one command-line run. */
export class MemoryProperties implements PropertiesPort {
  private readonly values = new Map<string, string>();
  get(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  set(key: string, value: string): void {
    this.values.set(key, value);
  }
  delete(key: string): void {
    this.values.delete(key);
  }
  snapshot(): Map<string, string> {
    return new Map(this.values);
  }
  restore(snapshot: Map<string, string>): void {
    this.values.clear();
    for (const [k, v] of snapshot) this.values.set(k, v);
  }
}

/** One process, one writer: the lock only guards against re-entry. */
export class ProcessLock implements LockPort {
  private held = false;
  withLock<T>(work: () => T): T {
    if (this.held) throw new LockBusyError();
    this.held = true;
    try {
      return work();
    } finally {
      this.held = false;
    }
  }
}
