import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import type { Unit } from '../api/types';
import { useCurrentSession } from './session';

/**
 * The unit in ?unitId=. A page opened without one shows the user's own unit (else the first unit they may see):
 * the URL is rewritten to name it, so the view can be bookmarked as seen.
 */
export function useDefaultUnitParam(units: readonly Unit[]): string | null {
  const session = useCurrentSession();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unitId');
  useEffect(() => {
    if (!unitId && units.length) {
      const pick = units.find((u) => u.id === session.account.unitId) ?? units[0];
      if (pick) setParams({ unitId: pick.id }, { replace: true });
    }
  }, [unitId, units, session.account.unitId, setParams]);
  return unitId;
}
