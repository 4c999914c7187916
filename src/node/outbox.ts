/**
 * The command line's mail: one standards-compliant `.eml` file per message in an outbox folder,
 * composed by Nodemailer. Sending is counted at once (so quota and the Log behave as in Sheets),
 * and with a send journal each message is made durable there as it is sent; the files are written
 * by `flush()` before the workbook is saved, and a run that dies half-way has its journalled
 * messages written by the next run (`writeRecovered`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { MailMessage, MailPort } from '../ports';
import type { Journal, JournalMail } from './journal';

const FROM = 'careers-tracker@localhost';

export class Outbox implements MailPort {
  private readonly pending: { file: string; message: MailMessage; date: Date }[] = [];
  private sentToday = 0;
  private counter: number | null = null;

  constructor(
    private readonly folder: string,
    private readonly quota: number = Number.POSITIVE_INFINITY,
    private readonly from = FROM,
    /** the Date header: the run's day (`--today`), not the machine's clock */
    private readonly dated: () => Date = () => new Date(),
    private readonly journal: Journal | null = null,
  ) {}

  remainingQuota(): number {
    return Math.max(0, this.quota - this.sentToday);
  }

  send(message: MailMessage): string {
    if (/[,;]/.test(message.to) || message.to.trim() === '') throw new Error(`One recipient per message: "${message.to}"`);
    if (this.remainingQuota() < 1) throw new Error('Service invoked too many times for one day: email.');
    this.sentToday++;
    // Numbering carries on from the files already in the folder, so a later run never overwrites one.
    this.counter = (this.counter ?? this.lastNumberInFolder()) + 1;
    const slug = message.to.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
    const file = `${String(this.counter).padStart(4, '0')}-${slug}.eml`;
    const date = this.dated();
    this.journal?.recordMail({ folder: path.resolve(this.folder), file, message, date: date.toISOString() });
    this.pending.push({ file, message, date });
    return file;
  }

  private lastNumberInFolder(): number {
    if (!fs.existsSync(this.folder)) return 0;
    const numbers = fs.readdirSync(this.folder).map((f) => /^(\d+)-.*\.eml$/.exec(f)?.[1]).filter(Boolean).map(Number);
    return numbers.length ? Math.max(...numbers) : 0;
  }

  /** Writes every message sent so far; returns the files written. */
  async flush(): Promise<string[]> {
    fs.mkdirSync(this.folder, { recursive: true });
    const written: string[] = [];
    for (const { file, message, date } of this.pending.splice(0)) {
      fs.writeFileSync(path.join(this.folder, file), await compose(message, this.from, date));
      written.push(file);
    }
    return written;
  }

  /** Writes the journalled messages of a run that was cut off, where they are not in their outbox yet. */
  static async writeRecovered(mails: JournalMail[], from = FROM): Promise<string[]> {
    const written: string[] = [];
    for (const { folder, file, message, date } of mails) {
      const target = path.join(folder, path.basename(file));
      if (fs.existsSync(target)) continue;
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(target, await compose(message, from, date ? new Date(date) : new Date()));
      written.push(file);
    }
    return written;
  }
}

async function compose(message: MailMessage, from: string, date: Date): Promise<Buffer> {
  return new MailComposer({
    from: message.name ? { name: message.name, address: from } : from,
    to: message.to,
    replyTo: message.replyTo,
    subject: message.subject,
    date,
    text: message.text,
    html: message.html,
    textEncoding: 'quoted-printable',
  }).compile().build();
}
