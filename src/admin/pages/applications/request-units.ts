/**
 * Which units the user may read or handle applications in, mirrored from the server's policy
 * (src/domain/policy/policy.ts ROLE_GRANTS: request.read for sysAdmin, officeAdmin and supervisor over their
 * subtree and caseHandler in its unit; request.handle for caseHandler only). Used to limit unit pickers;
 * the server filters and checks again.
 */
import { useMemo } from 'react';
import type { Role, SessionInfo, UnitWithPermissions } from '../../api/types';
import { subtreeIds } from '../../app/unit-tree';
import { useUnits } from '../../app/use-units';
import { useCurrentSession } from '../../app/session';

const READ: Partial<Record<Role, 'unit' | 'subtree'>> = { sysAdmin: 'subtree', officeAdmin: 'subtree', supervisor: 'subtree', caseHandler: 'unit' };

export function requestUnitIds(session: SessionInfo, units: readonly UnitWithPermissions[], mode: 'read' | 'handle'): Set<string> {
  const out = new Set<string>();
  for (const r of session.roles) {
    if (mode === 'handle') {
      if (r.role === 'caseHandler') out.add(r.unitId);
      continue;
    }
    const scope = READ[r.role];
    if (scope === 'unit') out.add(r.unitId);
    else if (scope === 'subtree') for (const id of subtreeIds(units, r.unitId)) out.add(id);
  }
  return out;
}

/** The units of the user's scope, the ones they may read/handle applications in, and a sensible default. */
export function useRequestUnits(mode: 'read' | 'handle') {
  const session = useCurrentSession();
  const { units, loading } = useUnits();
  return useMemo(() => {
    const ids = requestUnitIds(session, units, mode);
    const own = session.account.unitId;
    const fallback = units.find((u) => ids.has(u.id) && u.status === 'active')?.id ?? null;
    const defaultUnitId = ids.has(own) ? own : (session.roles.find((r) => ids.has(r.unitId))?.unitId ?? fallback);
    return { units, loading, ids, defaultUnitId };
  }, [session, units, mode, loading]);
}
