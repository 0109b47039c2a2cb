/**
 * Table 二 (主动公开政府信息情况): one block per article of the Regulation (第二十条第（一）项 …), each with a
 * "信息内容" header line and its rows — 2021 format (国办公开办函〔2021〕30号) and 2019 trial format
 * (国办公开办函〔2019〕60号), annual-report-format.md §2–3.
 */
import { spans, type CellKind, type ColumnDef, type GridCell, type RowDef, type TableDef } from './templates-model.js';

interface Block {
  heading: string;
  columns: ColumnDef[];
  rows: { key: string; label: string }[];
}

const col = (key: string, label: string, unit: string, kind: CellKind = 'count'): ColumnDef => ({ key, label, fullLabel: label, unit, kind });

function proactiveTable(blocks: Block[]): TableDef {
  const width = 4;
  const grid: GridCell[][] = [];
  const rows: RowDef[] = [];
  const columns: ColumnDef[] = [];
  for (const b of blocks) {
    grid.push([{ role: 'section', text: b.heading, colSpan: width }]);
    const s = spans(b.columns.length, width - 1);
    grid.push([{ role: 'corner', text: '信息内容' }, ...b.columns.map((c, i): GridCell => ({ role: 'colHeader', text: c.label, ...(s[i]! > 1 ? { colSpan: s[i]! } : {}) }))]);
    for (const r of b.rows) {
      rows.push({ key: r.key, label: r.label, fullLabel: `${b.heading} ${r.label}`, shortLabel: r.label, groups: [b.heading], columns: b.columns.map((c) => c.key), cols: b.columns });
      grid.push([{ role: 'rowHeader', text: r.label }, ...b.columns.map((c, i): GridCell => ({ role: 'value', path: `proactive.${r.key}.${c.key}`, ...(s[i]! > 1 ? { colSpan: s[i]! } : {}) }))]);
    }
    for (const c of b.columns) if (!columns.some((x) => x.key === c.key)) columns.push(c);
  }
  return {
    key: 'proactive',
    id: 'proactive',
    number: '二',
    title: '主动公开政府信息情况',
    shortName: '表二',
    columns,
    rows,
    gridColumns: width,
    columnWidths: [4, 3, 3, 3],
    headerRows: 0,
    grid,
  };
}

export function proactiveTable2021(): TableDef {
  const docs = [col('issued', '本年制发件数', '件'), col('repealed', '本年废止件数', '件'), col('inForce', '现行有效件数', '件')];
  const decisions = [col('decisions', '本年处理决定数量', '件')];
  return proactiveTable([
    { heading: '第二十条第（一）项', columns: docs, rows: [{ key: 'regulations', label: '规章' }, { key: 'normativeDocuments', label: '行政规范性文件' }] },
    { heading: '第二十条第（五）项', columns: decisions, rows: [{ key: 'licensing', label: '行政许可' }] },
    { heading: '第二十条第（六）项', columns: decisions, rows: [{ key: 'penalty', label: '行政处罚' }, { key: 'enforcement', label: '行政强制' }] },
    { heading: '第二十条第（八）项', columns: [col('amountWan', '本年收费金额（单位：万元）', '万元', 'amountWan')], rows: [{ key: 'fees', label: '行政事业性收费' }] },
  ]);
}

export function proactiveTable2019(): TableDef {
  const docs = [col('newlyMade', '本年新制作数量', '件'), col('newlyPublished', '本年新公开数量', '件'), col('totalPublic', '对外公开总数量', '件')];
  const items = [col('lastYearItems', '上一年项目数量', '项'), col('change', '本年增/减', '项', 'signedChange'), col('decisions', '处理决定数量', '件')];
  return proactiveTable([
    { heading: '第二十条第（一）项', columns: docs, rows: [{ key: 'regulations', label: '规章' }, { key: 'normativeDocuments', label: '规范性文件' }] },
    { heading: '第二十条第（五）项', columns: items, rows: [{ key: 'licensing', label: '行政许可' }, { key: 'otherServices', label: '其他对外管理服务事项' }] },
    { heading: '第二十条第（六）项', columns: items, rows: [{ key: 'penalty', label: '行政处罚' }, { key: 'enforcement', label: '行政强制' }] },
    // The trial format prints 上一年项目数量 and 本年增/减 for fees; many reports add the amount collected in the
    // third column, so the amount is kept (null where the report does not give it).
    { heading: '第二十条第（八）项', columns: [items[0]!, items[1]!, col('amountWan', '收费金额（单位：万元）', '万元', 'amountWan')], rows: [{ key: 'fees', label: '行政事业性收费' }] },
    { heading: '第二十条第（九）项', columns: [col('items', '采购项目数量', '项'), col('amountWan', '采购总金额', '万元', 'amountWan')], rows: [{ key: 'procurement', label: '政府集中采购' }] },
  ]);
}
