/** The records behind one computed cell (GET /reports/compute/drill, report-compute). */
import { Alert, Modal, Spin, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, errorMessage, query } from '../../api/client';

interface DrillRecord {
  id: string;
  kind: string;
  ref: string | null;
  title: string;
  dates: Record<string, string | null>;
}
interface Drill {
  label: string;
  value: number | null;
  total: number;
  records: DrillRecord[];
  note: string | null;
}

export function DrillModal({ unitId, year, path, onClose }: { unitId: string; year: number; path: string | null; onClose: () => void }) {
  const [data, setData] = useState<Drill | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!path) return;
    setData(null);
    setError(null);
    api.get<Drill>(`/reports/compute/drill${query({ unit: unitId, year, cell: path })}`).then(setData, (e: unknown) => setError(errorMessage(e)));
  }, [unitId, year, path]);
  const href = (r: DrillRecord) => (r.kind === 'application' ? `/applications/${r.id}` : r.kind === 'item' ? `/publications/${r.id}` : null);
  return (
    <Modal open={!!path} onCancel={onClose} footer={null} width={760} title={data ? `${data.label}：${data.value ?? '—'}` : '计算依据'}>
      {error && <Alert type="error" message={error} />}
      {!data && !error && <Spin />}
      {data && (
        <>
          <Typography.Paragraph type="secondary">按当前记录计算，共 {data.total} 条记录{data.records.length < data.total ? `，列出前 ${data.records.length} 条` : ''}。</Typography.Paragraph>
          {data.note && <Alert type="info" message={data.note} style={{ marginBottom: 8 }} />}
          <Table rowKey="id" size="small" pagination={{ pageSize: 20 }} dataSource={data.records} columns={[
            { title: '编号', dataIndex: 'ref', render: (ref: string | null, r) => { const to = href(r); return to ? <a href={`/admin${to}`}>{ref ?? r.id}</a> : ref ?? r.id; } },
            { title: '名称', dataIndex: 'title' },
            { title: '日期', key: 'dates', render: (_, r) => Object.values(r.dates).filter(Boolean).join(' / ') },
          ]} />
        </>
      )}
    </Modal>
  );
}
