/**
 * docs/tracker-reference.md is the user documentation of every tab, column, accepted value and
 * setting. It is generated from the schema: this fails when a column or setting is added without
 * regenerating it (`npm run docs`).
 */
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REFERENCE_FILE, trackerReference } from '../../scripts/tracker-reference';
import { INPUT_TABS } from '../../src/domain/schema';
import { SETTING_SPECS } from '../../src/domain/settings';

describe('the tracker reference', () => {
  it('is in step with the schema and settings (run `npm run docs` when this fails)', () => {
    expect(fs.readFileSync(REFERENCE_FILE, 'utf8')).toBe(trackerReference());
  });

  it('names every tab, column, alias, value and setting', () => {
    const doc = trackerReference();
    for (const tab of INPUT_TABS) {
      expect(doc).toContain(`### ${tab.name}`);
      for (const c of tab.columns) {
        expect(doc).toContain(`**${c.header}**`);
        for (const a of [...(c.preferred ?? []), ...(c.aliases ?? [])]) expect(doc).toContain(`\`${a}\``);
        if (c.type.kind === 'term') for (const t of c.type.terms) expect(doc).toContain(`\`${t.value}\``);
      }
    }
    for (const s of SETTING_SPECS) expect(doc).toContain(`**${s.label}**`);
  });
});
