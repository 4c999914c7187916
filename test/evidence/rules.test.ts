import { describe, expect, it } from 'vitest';
import { benchmarkOfFolder, evidenceReport, evidenceStatus, fileTypeLabel, folderPathOf, staleCutoff } from '../../src/domain/evidence';
import { academicYearOf, addDays } from '../../src/domain/calendar';
import type { EvidenceFolder } from '../../src/ports';
import type { Activity } from '../../src/domain/tracker';

describe('benchmark folder names', () => {
  const cases: [string, number | null][] = [
    ['BM1', 1], ['BM 1', 1], ['Benchmark 1', 1], ['1. A stable careers programme', 1], ['1 - A stable careers programme', 1],
    ['1) Stable programme', 1], ['1 Stable programme', 1], ['1-Policy', 1], ['bm1', 1], ['bm 2 lmi', 2], ['benchmark 3', 3],
    ['BENCHMARK 4 Curriculum', 4], ['BM5 Careers fair', 5], ['Bm  6 work', 6], ['Benchmark7', 7], ['BM8.', 8],
    ['  BM2 leading spaces', 2], ['BM3a', 3], ['BM 4-6 overview', 4], ['1.5 Half', 1],
    // not matched
    ['BM10', null], ['BM10 Archive', null], ['Benchmark 9', null], ['BM9', null], ['BM0', null], ['9. Extra', null],
    ['18 Archive', null], ['10 - Old', null], ['1', null], ['1Stable', null], ['01. Careers', null], ['Benchmarks 1', null],
    ['Gatsby Benchmark 1', null], ['Photos to sort', null], ['', null], ['BM', null], ['B M 1', null], ['BM-1', null],
  ];
  it.each(cases)('%j → %s', (name, expected) => {
    expect(benchmarkOfFolder(name)).toBe(expected);
  });
});

describe('stale boundary', () => {
  const today = '2026-03-02';
  it('a file updated exactly N days ago is not stale; N+1 days ago is', () => {
    expect(staleCutoff(today, 120)).toBe('2025-11-02');
    expect(evidenceStatus(1, addDays(today, -120), today, 120)).toBe('OK');
    expect(evidenceStatus(1, addDays(today, -121), today, 120)).toBe('Stale');
    expect(evidenceStatus(3, today, today, 1)).toBe('OK');
    expect(evidenceStatus(3, addDays(today, -2), today, 1)).toBe('Stale');
  });
  it('no file is Empty, whatever the dates', () => {
    expect(evidenceStatus(0, null, today, 120)).toBe('Empty');
  });
  it('a file dated after today counts as recent', () => {
    expect(evidenceStatus(1, addDays(today, 5), today, 120)).toBe('OK');
  });
});

const file = (path: string, updated: string) => ({
  path, name: path.split('/').pop()!, mimeType: 'application/pdf', updated, url: `https://drive.example/${encodeURIComponent(path)}`,
});
const folder = (name: string, files: ReturnType<typeof file>[]): EvidenceFolder => ({ name, url: `https://drive.example/f/${name}`, files });
const activity = (row: number, date: string, evidence: string | null): Activity => ({
  row, date, title: `Activity ${row}`, type: 'Employer encounter', provider: null, yearGroups: [10], forms: [], pupils: [], absent: [],
  providerAccess: false, benchmarks: [5], evidence,
});

describe('the report', () => {
  const today = '2026-03-02';
  const year = academicYearOf(today);
  const report = evidenceReport({
    today, academicYear: year, staleDays: 120,
    folders: [
      folder('BM5 Careers fair', [file('Register.pdf', '2026-02-27')]),
      folder('5 - Employers', [file('Mock interviews.pdf', '2025-06-30'), file('2025-26/Talks/Slides.pdf', '2025-09-01')]),
      folder('BM 2', [file('Old.pdf', '2025-08-31')]),
      folder('BM7', [file('Visit.pdf', '2025-11-01')]),
      folder('BM10 Archive', [file('x.pdf', '2026-01-01')]),
      folder('Photos', []),
    ],
    activities: [activity(2, '2025-10-01', 'https://x.example'), activity(3, '2025-11-15', null), activity(4, '2025-06-15', null),
      activity(5, '2026-03-20', null), activity(6, today, null), activity(7, '2025-09-01', null)],
  });
  const bm = (id: number) => report.benchmarks.find((b) => b.id === id)!;

  it('lists all eight benchmarks in order, with a folder or not', () => {
    expect(report.benchmarks.map((b) => b.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(bm(1)).toMatchObject({ files: 0, updatedThisYear: 0, latest: null, status: 'Empty', folders: [] });
    expect(bm(1).name).toBe('A stable careers programme');
  });

  it('counts both folders of one benchmark, and files in subfolders', () => {
    expect(bm(5)).toMatchObject({ files: 3, updatedThisYear: 2, latest: '2026-02-27', status: 'OK', folders: ['5 - Employers', 'BM5 Careers fair'] });
  });

  it('counts this academic year from its first day, not the day before', () => {
    expect(bm(2)).toMatchObject({ files: 1, updatedThisYear: 0, latest: '2025-08-31', status: 'Stale' });
    expect(bm(7)).toMatchObject({ files: 1, updatedThisYear: 1, status: 'Stale' });
  });

  it('lists unmatched folders, and their files without a benchmark', () => {
    expect(report.unmatchedFolders).toEqual([
      { name: 'BM10 Archive', url: 'https://drive.example/f/BM10 Archive', files: 1 },
      { name: 'Photos', url: 'https://drive.example/f/Photos', files: 0 },
    ]);
    expect(report.files.map((f) => [f.benchmark, f.folderPath, f.file.name])).toEqual([
      [2, 'BM 2', 'Old.pdf'],
      [5, '5 - Employers', 'Mock interviews.pdf'],
      [5, '5 - Employers/2025-26/Talks', 'Slides.pdf'],
      [5, 'BM5 Careers fair', 'Register.pdf'],
      [7, 'BM7', 'Visit.pdf'],
      [null, 'BM10 Archive', 'x.pdf'],
    ]);
  });

  it('lists activities of this year up to today whose evidence link is blank, by date', () => {
    expect(report.activitiesWithoutEvidence.map((a) => a.row)).toEqual([7, 3, 6]);
  });
});

describe('small helpers', () => {
  it('folder paths', () => {
    expect(folderPathOf('BM7', { path: 'a/b/c.pdf', name: 'c.pdf' })).toBe('BM7/a/b');
    expect(folderPathOf('BM7', { path: 'c.pdf', name: 'c.pdf' })).toBe('BM7');
    expect(folderPathOf('BM7', { path: 'Visits/Trip 1/2.pdf', name: 'Trip 1/2.pdf' })).toBe('BM7/Visits');
  });
  it('file types in words', () => {
    expect(fileTypeLabel('application/pdf')).toBe('PDF');
    expect(fileTypeLabel('application/vnd.google-apps.document')).toBe('Google Doc');
    expect(fileTypeLabel('image/heic')).toBe('Image');
    expect(fileTypeLabel('application/x-unknown')).toBe('Other');
  });
});
