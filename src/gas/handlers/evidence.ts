/**
 * Menu: Report on evidence folders.
 *
 * Unlike runFromMenu_, the document lock is held only while the Evidence tab and the Log are
 * written: walking a large Drive folder can take a minute or more, and mentors saving in the
 * sidebar meanwhile must not be turned away.
 */
import { showTab_, withPermission_ } from '../run';
import { type EvidenceGathered, EVIDENCE_TAB, gatherEvidence, writeEvidence } from '../../jobs/evidence';

const TITLE = 'Report on evidence folders';

export function reportOnEvidenceFolders(): void {
  withPermission_('evidence', TITLE, (ctx) => {
    const gathered = gatherEvidence(ctx);
    if (gathered.ok || gathered.reason === 'in-progress') ctx.lock!.withLock(() => writeEvidence(ctx, gathered));
    if (gathered.ok) showTab_(EVIDENCE_TAB);
    return evidenceMessage_(gathered);
  });
}

function evidenceMessage_(g: EvidenceGathered): string {
  if (!g.ok) return g.message;
  const r = g.report;
  const named = (status: string) => r.benchmarks.filter((b) => b.status === status).map((b) => `BM${b.id}`);
  const ok = named('OK');
  const stale = named('Stale');
  const empty = named('Empty');
  return [
    `The Evidence tab lists ${r.files.length} file${r.files.length === 1 ? '' : 's'}.`,
    `Benchmarks with recent evidence: ${ok.length ? ok.join(', ') : 'none'}.`,
    stale.length ? `Stale (nothing updated in the last ${r.staleDays} days): ${stale.join(', ')}.` : '',
    empty.length ? `Empty: ${empty.join(', ')}.` : '',
    r.unmatchedFolders.length ? `Folders that match no benchmark, to rename: ${r.unmatchedFolders.map((f) => f.name).join(', ')}.` : '',
    r.activitiesWithoutEvidence.length ? `Activities this year without an evidence link: ${r.activitiesWithoutEvidence.length}.` : '',
  ].filter(Boolean).join('\n');
}
