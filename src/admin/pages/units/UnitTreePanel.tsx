/** The unit tree with status tags and a name filter; keyboard: Tab into the tree, arrows to move, Enter to open. */
import { Input, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { useMemo, useState } from 'react';
import type { UnitWithPermissions } from '../../api/types';
import { buildUnitTree, type UnitNode } from '../../app/unit-tree';

export function UnitTreePanel({ units, selectedId, onSelect }: { units: UnitWithPermissions[]; selectedId: string | null; onSelect: (id: string) => void }) {
  const [filter, setFilter] = useState('');

  const treeData = useMemo(() => {
    const q = filter.trim();
    const keep = (n: UnitNode<UnitWithPermissions>): TreeDataNode | null => {
      const children = n.children.map(keep).filter((c): c is TreeDataNode => c !== null);
      const matches = !q || n.unit.name.includes(q) || (n.unit.shortName ?? '').includes(q) || n.unit.slug.includes(q.toLowerCase());
      if (!matches && children.length === 0) return null;
      return {
        key: n.unit.id,
        title: (
          <span>
            <Typography.Text type={n.unit.status === 'inactive' ? 'secondary' : undefined} delete={n.unit.status === 'inactive'}>{n.unit.name}</Typography.Text>
            {n.unit.status === 'inactive' && <Tag style={{ marginInlineStart: 6 }}>已停用</Tag>}
          </span>
        ),
        children,
      };
    };
    return buildUnitTree(units).map(keep).filter((c): c is TreeDataNode => c !== null);
  }, [units, filter]);

  const allKeys = useMemo(() => units.map((u) => u.id), [units]);
  const [expanded, setExpanded] = useState<React.Key[] | null>(null);

  return (
    <div>
      <Input.Search placeholder="按名称筛选单位" aria-label="按名称筛选单位" allowClear value={filter} onChange={(e) => setFilter(e.target.value)} style={{ marginBottom: 8 }} />
      {treeData.length === 0 ? (
        <Typography.Text type="secondary">没有匹配的单位</Typography.Text>
      ) : (
        <Tree
          aria-label="单位树"
          showLine
          blockNode
          treeData={treeData}
          expandedKeys={filter.trim() ? allKeys : expanded ?? allKeys}
          onExpand={(keys) => setExpanded(keys)}
          selectedKeys={selectedId ? [selectedId] : []}
          onSelect={(keys) => {
            const k = keys[0];
            if (k !== undefined) onSelect(String(k));
          }}
        />
      )}
    </div>
  );
}
