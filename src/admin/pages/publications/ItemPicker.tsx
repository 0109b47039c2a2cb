/** Picks published items of a unit by title (related items: the policy an interpretation explains, amended or repealed documents). */
import { Select } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api, query } from '../../api/client';
import type { ItemList } from './types';

interface Option {
  value: string;
  label: string;
}

export function ItemPicker({ unitId, value, onChange, multiple, known, id, excludeId, placeholder = '输入标题搜索已发布的信息' }: {
  unitId: string | null;
  value?: string | string[] | null;
  onChange?: (v: string | string[] | null) => void;
  multiple?: boolean;
  /** Labels of the items already linked. */
  known: Option[];
  id?: string;
  excludeId?: string;
  placeholder?: string;
}) {
  const [found, setFound] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const search = async (q: string) => {
    if (!unitId) return;
    const n = ++seq.current;
    setLoading(true);
    try {
      const r = await api.get<ItemList>(`/publications/items${query({ unitId, status: 'published', q: q.trim() || undefined, limit: 20 })}`);
      if (n === seq.current) setFound(r.items.filter((i) => i.id !== excludeId).map((i) => ({ value: i.id, label: i.docNumber ? `${i.title}（${i.docNumber}）` : i.title })));
    } catch {
      if (n === seq.current) setFound([]);
    } finally {
      if (n === seq.current) setLoading(false);
    }
  };
  useEffect(() => {
    void search('');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [unitId]);
  const options = useMemo(() => {
    const m = new Map<string, Option>();
    for (const o of [...known, ...found]) m.set(o.value, o);
    return [...m.values()];
  }, [known, found]);
  return (
    <Select id={id} mode={multiple ? 'multiple' : undefined} allowClear showSearch={{ filterOption: false, onSearch: (q) => void search(q) }} loading={loading}
      value={value ?? (multiple ? [] : undefined)} onChange={(v) => onChange?.((v as string | string[] | undefined) ?? null)} options={options} placeholder={placeholder}
      notFoundContent={loading ? '正在搜索…' : '没有找到'} style={{ width: '100%' }} />
  );
}
