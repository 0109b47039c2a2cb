/**
 * Names of the people who may handle a unit's applications. GET /accounts lists the unit's accounts only for
 * those who may read accounts (office administrators); a case handler sees an empty list, so the current user
 * is always added when they handle the unit, and unknown ids read as 其他经办人.
 */
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api/client';
import type { AccountRow } from '../../api/types';
import { useCurrentSession } from '../../app/session';

export interface Handler {
  id: string;
  name: string;
}

export function useHandlers(unitId: string | null | undefined) {
  const session = useCurrentSession();
  const [accounts, setAccounts] = useState<AccountRow[]>([]);
  useEffect(() => {
    if (!unitId) return;
    let live = true;
    api.get<{ items: AccountRow[] }>(`/accounts?unitId=${encodeURIComponent(unitId)}`).then(
      (r) => live && setAccounts(r.items),
      () => live && setAccounts([]),
    );
    return () => {
      live = false;
    };
  }, [unitId]);

  return useMemo(() => {
    const handlers: Handler[] = accounts
      .filter((a) => a.status === 'active' && a.roles.some((r) => r.role === 'caseHandler' && r.unitId === unitId))
      .map((a) => ({ id: a.id, name: `${a.displayName}（${a.username}）` }));
    const me = session.account;
    if (unitId && session.roles.some((r) => r.role === 'caseHandler' && r.unitId === unitId) && !handlers.some((h) => h.id === me.id)) {
      handlers.unshift({ id: me.id, name: `${me.displayName}（${me.username}）` });
    }
    const names = new Map<string, string>(accounts.map((a) => [a.id, a.displayName]));
    names.set(me.id, me.displayName);
    const nameOf = (id: string | null) => (id ? (names.get(id) ?? '其他经办人') : '未指定');
    return { handlers, nameOf };
  }, [accounts, unitId, session]);
}
