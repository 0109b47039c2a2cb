import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OUTCOME_CODES, OUTCOMES } from './outcome.js';

describe('outcome codes', () => {
  it('are exactly the result rows of table 三 in the shared annual-report format, in order', () => {
    const spec = fs.readFileSync(new URL('../../../../shared/domain/annual-report-format.md', import.meta.url), 'utf8');
    const rows = [...spec.matchAll(/^\| (\w+) \| 三/gm)].map((m) => m[1]).filter((k) => k !== 'handledTotal');
    expect(OUTCOME_CODES).toEqual(rows);
  });
  it('each has a Chinese label and a group', () => {
    for (const c of OUTCOME_CODES) {
      expect(OUTCOMES[c].label).toMatch(/[\u4e00-\u9fff]/);
      expect(['disclose', 'withhold', 'unavailable', 'notProcessed', 'other']).toContain(OUTCOMES[c].group);
    }
  });
});
