import { notFound } from '../errors.js';
import { unitsWhere } from '../policy/policy.js';
import type { Actor, AuditEntry, AuditQuery, Deps } from '../ports.js';
import { loadTree } from '../units/unit-context.js';
import { chainVerifier, type ChainProblem } from './hash-chain.js';

/** Audit rows the actor may read: those of units where they hold audit.read (system-wide rows only for the system). */
export async function listAudit(deps: Deps, actor: Actor, q: Omit<AuditQuery, 'unitIds'> & { unitId?: string | undefined }): Promise<AuditEntry[]> {
  return deps.store.read(async (r) => {
    const { tree, units } = await loadTree(r);
    const allowed = unitsWhere(actor, 'audit.read', tree, units.map((u) => u.id));
    // Asking for another unit's log is answered as if the unit did not exist.
    if (q.unitId && !allowed.includes(q.unitId)) throw notFound('单位');
    const unitIds = q.unitId ? [q.unitId] : actor.system ? undefined : allowed;
    return r.audit.list({ ...q, unitIds });
  });
}

export async function verifyAuditChain(deps: Deps): Promise<{ rows: number; headSeq: number; headHash: string; problems: ChainProblem[] }> {
  const v = chainVerifier();
  let next = 1;
  for (;;) {
    const page = await deps.store.read((r) => r.audit.scan(next, 5000));
    for (const e of page) v.push(e);
    if (page.length < 5000) break;
    next = (page[page.length - 1] as AuditEntry).seq + 1;
  }
  return v.result();
}
