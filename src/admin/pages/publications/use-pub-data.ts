/** Data the 主动公开 pages share: the unit being worked on, its column tree, the code lists. */
import { App } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, errorMessage, isHandledByRedirect } from '../../api/client';
import { useCurrentSession } from '../../app/session';
import { useUnits } from '../../app/use-units';
import type { CatalogueColumn, CodeEntry } from './types';

/** The unit in ?unitId=, else the unit of the user's first publication role, else their own unit. */
export function usePubUnit() {
  const session = useCurrentSession();
  const { units, loading } = useUnits();
  const [params, setParams] = useSearchParams();
  const fallback = session.roles.find((r) => r.role !== 'caseHandler')?.unitId ?? session.account.unitId;
  const unitId = params.get('unitId') ?? (units.some((u) => u.id === fallback) ? fallback : units[0]?.id) ?? null;
  const setUnitId = useCallback((id: string | null) => {
    const p = new URLSearchParams(params);
    if (id) p.set('unitId', id);
    else p.delete('unitId');
    setParams(p, { replace: true });
  }, [params, setParams]);
  return { units, unitsLoading: loading, unitId, setUnitId, unit: units.find((u) => u.id === unitId) };
}

export interface ColumnNode {
  value: string;
  title: string;
  key: string;
  column: CatalogueColumn;
  selectable: boolean;
  disabled?: boolean;
  children: ColumnNode[];
}

/** Flat columns → tree in sort order (parents before children at any depth). */
export function columnTree(columns: readonly CatalogueColumn[], opts: { onlyAccepting?: boolean } = {}): ColumnNode[] {
  const byParent = new Map<string | null, CatalogueColumn[]>();
  for (const c of columns) byParent.set(c.parentId, [...(byParent.get(c.parentId) ?? []), c]);
  const build = (parent: string | null, depth: number): ColumnNode[] => depth > 10 ? [] : (byParent.get(parent) ?? [])
    .sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code))
    .map((c) => ({
      value: c.id, key: c.id, title: c.name, column: c, selectable: !opts.onlyAccepting || c.acceptsItems,
      children: build(c.id, depth + 1),
    }));
  return build(null, 0);
}

export function useColumns(unitId: string | null) {
  const { message } = App.useApp();
  const [columns, setColumns] = useState<CatalogueColumn[]>([]);
  const [loading, setLoading] = useState(false);
  const reload = useCallback(async () => {
    if (!unitId) return;
    setLoading(true);
    try {
      setColumns((await api.get<{ items: CatalogueColumn[] }>(`/units/${unitId}/columns`)).items);
    } catch (e) {
      if (!isHandledByRedirect(e)) message.error(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [unitId, message]);
  useEffect(() => {
    void reload();
  }, [reload]);
  const byId = useMemo(() => new Map(columns.map((c) => [c.id, c])), [columns]);
  return { columns, byId, loading, reload };
}

export function useCodes() {
  const [codes, setCodes] = useState<CodeEntry[]>([]);
  useEffect(() => {
    api.get<{ items: CodeEntry[] }>('/publication-codes').then((r) => setCodes(r.items), () => undefined);
  }, []);
  return useMemo(() => {
    const active = codes.filter((c) => c.active);
    const subjects = active.filter((c) => c.list === 'subject' && !c.parentCode).map((p) => ({
      value: p.code, title: p.name, selectable: true,
      children: active.filter((c) => c.list === 'subject' && c.parentCode === p.code).map((c) => ({ value: c.code, title: c.name, selectable: true })),
    }));
    const genres = active.filter((c) => c.list === 'genre').map((c) => ({ value: c.code, label: c.name }));
    return { subjects, genres };
  }, [codes]);
}
