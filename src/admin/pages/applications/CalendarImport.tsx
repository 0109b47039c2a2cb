/** Import of a year's official arrangement (ICS or JSON); shows which due dates were recomputed. */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../api/client';
import type { CalendarChangeResult } from './types';

export function RecomputedTable({ result }: { result: CalendarChangeResult }) {
  if (result.recomputed.length === 0) return <Typography.Paragraph>没有在办申请的答复期限因此改变。</Typography.Paragraph>;
  return (
    <Table
      size="small"
      rowKey="receiptNo"
      pagination={false}
      dataSource={result.recomputed}
      columns={[
        { title: '受理编号', dataIndex: 'receiptNo' },
        { title: '原答复期限', dataIndex: 'from', render: (d: string | null) => d ?? '—' },
        { title: '新答复期限', dataIndex: 'to', render: (d: string | null) => d ?? '—' },
      ]}
    />
  );
}

export function CalendarImport({ unitId, scopeLabel, onDone }: { unitId: string | null; scopeLabel: string; onDone: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<CalendarChangeResult | null>(null);

  const submit = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      // The server reads the fields that come before the file: unitId first.
      const body = new FormData();
      if (unitId) body.append('unitId', unitId);
      body.append('file', file, file.name);
      setResult(await api.post<CalendarChangeResult>('/calendar/import', body));
      setFile(null);
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title="导入全年节假日安排">
      <Typography.Paragraph type="secondary">
        国务院办公厅每年公布次年的节假日安排后，导入 ICS 日历文件或 JSON 文件（每项含 date、kind 为 off 或 work、name）。导入范围：{scopeLabel}。导入后该年不再按“临时”推算，所有在办申请的期限自动重新计算。
      </Typography.Paragraph>
      <Flex wrap gap={8} align="center">
        <Upload
          accept=".ics,.json,text/calendar,application/json"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            return false;
          }}
          onRemove={() => setFile(null)}
          fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
        >
          <Button icon={<UploadOutlined />}>选择文件</Button>
        </Upload>
        <Button type="primary" disabled={!file} loading={busy} onClick={() => void submit()}>导入</Button>
      </Flex>
      {error && <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} title={error} />}
      {result && (
        <div style={{ marginTop: 12 }}>
          <Alert type="success" showIcon title={`已导入 ${result.inserted} 项，重新计算了 ${result.recomputed.length} 件申请的答复期限`} style={{ marginBottom: 8 }} />
          <RecomputedTable result={result} />
        </div>
      )}
    </Card>
  );
}
