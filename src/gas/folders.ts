/**
 * The evidence folder in Google Drive. Each folder and each file is visited once, through
 * Drive's own iterators: the number of Drive calls grows only with the folders and files.
 */
import type { EvidenceFolder, EvidenceWalkStep, FoldersPort } from '../ports';
import { FolderNotFoundError } from '../ports';


/**
 * The folder ID in a Drive link (`…/drive/folders/<id>?usp=sharing`, `…/drive/u/0/folders/<id>`,
 * `…/open?id=<id>`) or a bare ID; null when the text is neither.
 */
export function folderIdFrom_(text: string): string | null {
  const s = text.trim();
  if (/^https?:\/\//i.test(s)) {
    if (!/^https?:\/\/(drive|docs)\.google\.com\//i.test(s)) return null;
    const m = /\/folders\/([A-Za-z0-9_-]+)/.exec(s) ?? /[?&]id=([A-Za-z0-9_-]+)/.exec(s);
    return m ? m[1] : null;
  }
  return /^[A-Za-z0-9_-]+$/.test(s) ? s : null;
}

/** A folder still to walk: its top folder, Drive ID, path prefix, phase (files, then subfolders) and token. */
interface Pending { t: number; id: string; p: string; s?: 1; k?: string; n?: number }

export class GasFolders implements FoldersPort {
  private readonly days = new Map<string, string>();

  listEvidence(folder: string, timeZone: string): EvidenceFolder[] {
    const step = this.walkEvidence(folder, timeZone, null, () => false);
    const out: EvidenceFolder[] = step.tops.map((t) => ({ name: t.name, url: t.url, files: [] }));
    for (const f of step.files) out[f.top].files.push(f.file);
    return out;
  }

  /**
   * Depth first, each folder's files before its subfolders, through Drive's iterators; when time is
   * up, the rest of the walk is kept as the folders still to visit with Drive continuation tokens.
   */
  walkEvidence(folder: string, timeZone: string, resume: string | null, timeUp: () => boolean): EvidenceWalkStep {
    let tops: { name: string; url: string }[];
    let queue: Pending[];
    // Folders met in this run, so each is opened by ID only when a run resumes inside it.
    const seen = new Map<string, GoogleAppsScript.Drive.Folder>();
    const open = (id: string) => seen.get(id) ?? DriveApp.getFolderById(id);
    if (resume) {
      ({ tops, queue } = JSON.parse(resume) as { tops: typeof tops; queue: Pending[] });
    } else {
      const id = folderIdFrom_(folder);
      if (!id) {
        throw new FolderNotFoundError(`The Evidence folder setting "${folder}" is not a link to a Google Drive folder. In Drive, right-click the folder that holds the benchmark folders, choose Share › Copy link, and paste the link into Settings.`);
      }
      let subfolders: GoogleAppsScript.Drive.FolderIterator;
      try {
        subfolders = DriveApp.getFolderById(id).getFolders();
      } catch {
        throw new FolderNotFoundError('The evidence folder in Settings could not be opened: it may have been deleted or moved to the bin, or it is not shared with you. Check the link in Settings › Evidence folder, and that you can open the folder in Drive.');
      }
      tops = [];
      queue = [];
      while (subfolders.hasNext()) {
        const sub = subfolders.next();
        const subId = sub.getId();
        seen.set(subId, sub);
        queue.push({ t: tops.length, id: subId, p: '' });
        tops.push({ name: sub.getName(), url: sub.getUrl() });
      }
    }
    const files: EvidenceWalkStep['files'] = [];
    const stop = () => ({ tops, files, resume: JSON.stringify({ tops, queue }) });
    while (queue.length > 0) {
      const e = queue[0];
      if (!e.s) {
        const it = e.k ? DriveApp.continueFileIterator(e.k) : open(e.id).getFiles();
        while (it.hasNext()) {
          if (timeUp()) {
            e.k = it.getContinuationToken();
            return stop();
          }
          const file = it.next();
          const name = file.getName();
          files.push({
            top: e.t,
            file: { path: e.p + name, name, mimeType: file.getMimeType(), updated: this.day_(file.getLastUpdated(), timeZone), url: file.getUrl() },
          });
        }
        e.s = 1;
        e.k = undefined;
      }
      const it = e.k ? DriveApp.continueFolderIterator(e.k) : open(e.id).getFolders();
      // Subfolders go right after this folder, before its siblings: the same order as walking them at once.
      while (it.hasNext()) {
        if (timeUp()) {
          e.k = it.getContinuationToken();
          return stop();
        }
        const sub = it.next();
        const subId = sub.getId();
        seen.set(subId, sub);
        e.n = (e.n ?? 0) + 1;
        queue.splice(e.n, 0, { t: e.t, id: subId, p: `${e.p}${sub.getName()}/` });
      }
      queue.shift();
    }
    return { tops, files, resume: null };
  }

  private day_(when: GoogleAppsScript.Base.Date, timeZone: string): string {
    const key = `${timeZone} ${when.getTime()}`;
    let day = this.days.get(key);
    if (day === undefined) {
      day = Utilities.formatDate(when, timeZone, 'yyyy-MM-dd');
      this.days.set(key, day);
    }
    return day;
  }
}
