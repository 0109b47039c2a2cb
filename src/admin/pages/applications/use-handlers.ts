/**
 * The people who may handle a unit's applications, from GET /applications/handlers (the server's policy decides:
 * active accounts with the case-handler role there). Used for the assign list and to name handlers in the queue.
 */
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api/client';

export interface Handler {
  id: string;
  name: string;
}

interface HandlerRow {
  id: string;
  displayName: string;
  username: string;
}

export function useHandlers(unitId: string | null | undefined) {
  const [rows, setRows] = useState<HandlerRow[]>([]);
  useEffect(() => {
    if (!unitId) return;
    let live = true;
    api.get<{ items: HandlerRow[] }>(`/applications/handlers?unitId=${encodeURIComponent(unitId)}`).then(
      (r) => live && setRows(r.items),
      () => live && setRows([]),
    );
    return () => {
      live = false;
    };
  }, [unitId]);

  return useMemo(() => {
    const handlers: Handler[] = rows.map((a) => ({ id: a.id, name: `${a.displayName}（${a.username}）` }));
    const names = new Map<string, string>(rows.map((a) => [a.id, a.displayName]));
    const nameOf = (id: string | null) => (id ? (names.get(id) ?? '其他经办人') : '未指定');
    return { handlers, nameOf };
  }, [rows]);
}
