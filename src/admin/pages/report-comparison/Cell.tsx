import { Tooltip } from 'antd';
import type { ComparisonRow, FigureDef } from './types';
import { show } from './types';

/**
 * A figure: "—" when not stated (with the reason as text for screen readers), "≈" before a value that an older
 * format gives only approximately. Meaning is carried by characters, never by colour.
 */
export function FigureCell({ row, figure, note }: { row: ComparisonRow; figure: FigureDef; note: string | undefined }) {
  const v = row.figures[figure.key];
  if (v === null) return <span title="原报告未载明，或该格式没有此项">—<span className="visually-hidden">（未载明）</span></span>;
  const unit = figure.unit === '%' ? '%' : '';
  if (row.approximate.includes(figure.key)) {
    return (
      <Tooltip title={note ?? '口径近似'}>
        <span tabIndex={0}>≈{show(v, unit)}<span className="visually-hidden">（口径近似：{note ?? ''}）</span></span>
      </Tooltip>
    );
  }
  return <span>{show(v, unit)}</span>;
}
