/**
 * The evidence folder on this computer (`--evidence DIR`): one subfolder per benchmark, files at
 * any depth below. Hidden files and folders (names starting with `.`) are left out.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { EvidenceFile, EvidenceFolder, FoldersPort } from '../ports';
import { FolderNotFoundError } from '../ports';
import type { Day } from '../domain/calendar';

const MIME_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  rtf: 'application/rtf',
  txt: 'text/plain',
  md: 'text/markdown',
  csv: 'text/csv',
  htm: 'text/html',
  html: 'text/html',
  json: 'application/json',
  eml: 'message/rfc822',
  msg: 'application/vnd.ms-outlook',
  zip: 'application/zip',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  svg: 'image/svg+xml',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  wav: 'audio/wav',
};

export function mimeTypeOf(fileName: string): string {
  const ext = path.extname(fileName).slice(1).toLowerCase();
  return MIME_BY_EXTENSION[ext] ?? 'application/octet-stream';
}

export class LocalFolders implements FoldersPort {
  listEvidence(folder: string, timeZone: string): EvidenceFolder[] {
    const root = path.resolve(folder);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(root);
    } catch {
      throw new FolderNotFoundError(`There is no evidence folder at ${folder}.`);
    }
    if (!stat.isDirectory()) throw new FolderNotFoundError(`${folder} is a file, not the evidence folder.`);
    const dayOf = dayFormatter(timeZone);
    const out: EvidenceFolder[] = [];
    for (const entry of entries(root)) {
      const full = path.join(root, entry.name);
      if (!entry.isDirectory()) continue;
      const files: EvidenceFile[] = [];
      collect(full, '', files, dayOf);
      out.push({ name: entry.name, url: pathToFileURL(full).href, files });
    }
    return out;
  }
}

function entries(dir: string): fs.Dirent[] {
  let list: fs.Dirent[];
  try {
    list = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    throw new FolderNotFoundError(`The folder ${dir} cannot be opened.`);
  }
  return list.filter((e) => !e.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

// A link to a folder is not followed (it could loop back); a link to a file counts as the file.
function isFile(entry: fs.Dirent, full: string): boolean {
  if (entry.isFile()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return fs.statSync(full).isFile();
  } catch {
    return false;
  }
}

function collect(dir: string, prefix: string, out: EvidenceFile[], dayOf: (d: Date) => Day): void {
  for (const entry of entries(dir)) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      collect(full, `${prefix}${entry.name}/`, out, dayOf);
    } else if (isFile(entry, full)) {
      out.push({
        path: prefix + entry.name, name: entry.name, mimeType: mimeTypeOf(entry.name),
        updated: dayOf(fs.statSync(full).mtime), url: pathToFileURL(full).href,
      });
    }
  }
}

/** A file's modification time as a calendar day in the tracker's time zone. */
export function dayFormatter(timeZone: string): (d: Date) => Day {
  const format = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return (d) => {
    const parts = format.formatToParts(d);
    const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
    return `${get('year')}-${get('month')}-${get('day')}`;
  };
}
