import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import type { Unit } from '../api/types';
import { buildUnitTree, type UnitNode } from '../app/unit-tree';

interface TreeOption {
  value: string;
  title: string;
  disabled: boolean;
  children: TreeOption[];
}

export interface UnitTreeSelectProps<U extends Unit> {
  units: readonly U[];
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** Units that may not be chosen are shown greyed out, so the tree keeps its shape. */
  selectable?: (unit: U) => boolean;
  placeholder?: string;
  allowClear?: boolean;
  id?: string;
  disabled?: boolean;
  style?: React.CSSProperties;
  'aria-label'?: string;
}

/** Picks one unit from the tree; type to search by name. Works as an antd Form control (value/onChange/id). */
export function UnitTreeSelect<U extends Unit>({ units, value, onChange, selectable, placeholder = '请选择单位', allowClear, id, disabled, style, ...rest }: UnitTreeSelectProps<U>) {
  const treeData = useMemo(() => {
    const toOption = (n: UnitNode<U>): TreeOption => ({
      value: n.unit.id,
      title: n.unit.status === 'inactive' ? `${n.unit.name}（已停用）` : n.unit.name,
      disabled: selectable ? !selectable(n.unit) : false,
      children: n.children.map(toOption),
    });
    return buildUnitTree(units).map(toOption);
  }, [units, selectable]);

  return (
    <TreeSelect
      id={id}
      aria-label={rest['aria-label']}
      style={{ width: '100%', ...style }}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      treeData={treeData}
      placeholder={placeholder}
      allowClear={allowClear}
      disabled={disabled}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      popupMatchSelectWidth={false}
      listHeight={360}
    />
  );
}
