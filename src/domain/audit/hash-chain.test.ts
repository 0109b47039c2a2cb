import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../ports.js';
import { chainVerifier, GENESIS_HASH, hashAuditRow } from './hash-chain.js';

function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const base = {
      seq, at: `2026-01-01T00:00:0${seq % 10}.000Z`, actorId: 'u1', actorName: '李娜', unitId: 'unit', action: 'unit.update',
      entityType: 'unit', entityId: 'e', beforeJson: JSON.stringify({ phone: `0851-${seq}` }), afterJson: JSON.stringify({ phone: `0851-${seq + 1}` }),
      ip: '127.0.0.1', prevHash: prev,
    };
    const e = { ...base, hash: hashAuditRow(base) };
    out.push(e);
    prev = e.hash;
  }
  return out;
}
const verify = (rows: AuditEntry[]) => {
  const v = chainVerifier();
  for (const r of rows) v.push(r);
  return v.result();
};

describe('audit hash chain', () => {
  it('an untouched log verifies and reports its head', () => {
    const rows = chain(5);
    const r = verify(rows);
    expect(r.problems).toEqual([]);
    expect(r.rows).toBe(5);
    expect(r.headHash).toBe(rows[4]?.hash);
    expect(r.headHash).toMatch(/^sm3:[0-9a-f]{64}$/);
  });

  it('an edited field is detected at that row', () => {
    const rows = chain(5);
    rows[2] = { ...(rows[2] as AuditEntry), afterJson: JSON.stringify({ phone: 'forged' }) };
    const r = verify(rows);
    expect(r.problems.map((p) => [p.seq, p.kind])).toEqual([[3, 'hash-mismatch']]);
  });

  it('an edited row whose hash was recomputed still breaks the link to the next row', () => {
    const rows = chain(5);
    const forged = { ...(rows[1] as AuditEntry), actorName: '某人' };
    rows[1] = { ...forged, hash: hashAuditRow(forged) };
    const r = verify(rows);
    expect(r.problems.map((p) => [p.seq, p.kind])).toEqual([[3, 'broken-link']]);
  });

  it('a deleted row is detected as a gap and a broken link', () => {
    const rows = chain(5);
    rows.splice(2, 1);
    const kinds = verify(rows).problems.map((p) => `${p.seq}:${p.kind}`);
    expect(kinds).toEqual(['4:gap', '4:broken-link']);
  });
});
