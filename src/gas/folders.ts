/**
 * The evidence folder in Google Drive. Each folder and each file is visited once, through
 * Drive's own iterators: the number of Drive calls grows only with the folders and files.
 */
import type { EvidenceFile, EvidenceFolder, FoldersPort } from '../ports';
import { FolderNotFoundError } from '../ports';

type Folder = GoogleAppsScript.Drive.Folder;

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

export class GasFolders implements FoldersPort {
  private readonly days = new Map<string, string>();

  listEvidence(folder: string, timeZone: string): EvidenceFolder[] {
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
    const out: EvidenceFolder[] = [];
    while (subfolders.hasNext()) {
      const sub = subfolders.next();
      const files: EvidenceFile[] = [];
      this.collect_(sub, '', files, timeZone);
      out.push({ name: sub.getName(), url: sub.getUrl(), files });
    }
    return out;
  }

  /** Every file in `folder` and below, with its path from the benchmark folder. */
  private collect_(folder: Folder, prefix: string, out: EvidenceFile[], timeZone: string): void {
    const files = folder.getFiles();
    while (files.hasNext()) {
      const file = files.next();
      const name = file.getName();
      out.push({
        path: prefix + name, name, mimeType: file.getMimeType(),
        updated: this.day_(file.getLastUpdated(), timeZone), url: file.getUrl(),
      });
    }
    const subfolders = folder.getFolders();
    while (subfolders.hasNext()) {
      const sub = subfolders.next();
      this.collect_(sub, `${prefix}${sub.getName()}/`, out, timeZone);
    }
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
