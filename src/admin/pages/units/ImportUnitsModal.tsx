/**
 * 批量导入: a CSV/XLSX file in the template's columns. 预检 runs every check without writing anything;
 * the import itself is all or nothing, and each problem is reported with its row number.
 */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Modal, Space, Table, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useEffect, useState } from 'react';
import { API_BASE, ApiError, api } from '../../api/client';
import type { ImportProblem, ImportResult, UnitWithPermissions } from '../../api/types';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';

interface Props {
  open: boolean;
  units: UnitWithPermissions[];
  defaultParentId: string | null;
  onClose: () => void;
  onImported: () => void;
}

type Outcome = { kind: 'ok'; result: ImportResult } | { kind: 'problems'; message: string; problems: ImportProblem[] } | { kind: 'error'; message: string };

export function ImportUnitsModal({ open, units, defaultParentId, onClose, onImported }: Props) {
  const { message } = App.useApp();
  const [parentId, setParentId] = useState<string | null>(defaultParentId);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState<'dry' | 'real' | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    if (open) {
      setParentId(defaultParentId);
      setFiles([]);
      setOutcome(null);
    }
  }, [open, defaultParentId]);

  const run = async (dryRun: boolean) => {
    const file = files[0]?.originFileObj;
    if (!file) {
      setOutcome({ kind: 'error', message: '请先选择要导入的 CSV 或 XLSX 文件' });
      return;
    }
    const body = new FormData();
    body.set('dryRun', dryRun ? 'true' : 'false');
    if (parentId) body.set('parentId', parentId);
    body.set('file', file, file.name);
    setBusy(dryRun ? 'dry' : 'real');
    setOutcome(null);
    try {
      const result = await api.post<ImportResult>('/units/import', body);
      setOutcome({ kind: 'ok', result });
      if (!dryRun) {
        message.success(`已导入 ${result.created.length} 个单位`);
        onImported();
      }
    } catch (e) {
      const problems = e instanceof ApiError ? (e.details?.problems as ImportProblem[] | undefined) : undefined;
      if (problems?.length) setOutcome({ kind: 'problems', message: (e as ApiError).message, problems });
      else setOutcome({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(null);
    }
  };

  const result = outcome?.kind === 'ok' ? outcome.result : null;
  const imported = result && !result.dryRun;

  return (
    <Modal
      open={open}
      title="批量导入单位"
      onCancel={onClose}
      width={820}
      destroyOnHidden
      footer={
        <Flex gap={8} justify="flex-end" wrap>
          <Button onClick={onClose}>{imported ? '完成' : '取消'}</Button>
          {!imported && <Button loading={busy === 'dry'} disabled={busy !== null} onClick={() => void run(true)}>预检（不写入）</Button>}
          {!imported && <Button type="primary" loading={busy === 'real'} disabled={busy !== null} onClick={() => void run(false)}>开始导入</Button>}
        </Flex>
      }
    >
      <Typography.Paragraph>
        按模板填写单位名称、上级单位（已有单位或本文件中单位的名称或统一社会信用代码）、单位类型、行政层级和联系方式，
        保存为 CSV（UTF-8 或 GBK）或 XLSX 文件。文件中有任何错误时不会导入任何单位。
      </Typography.Paragraph>
      <Button icon={<DownloadOutlined />} href={`${API_BASE}/units/import-template.csv`} download style={{ marginBottom: 16 }}>下载导入模板（CSV）</Button>
      <Form name="unit-import" layout="vertical">
        <Form.Item label="默认上级单位" htmlFor="import-parent" extra="“上级单位”一栏为空的行，挂在此单位下">
          <UnitTreeSelect id="import-parent" units={units} value={parentId} onChange={setParentId} allowClear selectable={(u) => u.can.createChild && u.status === 'active'} placeholder="不选则须在文件中填写上级单位" />
        </Form.Item>
        <Form.Item label="导入文件" required>
          <Upload
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => {
              setFiles(fileList.slice(-1));
              setOutcome(null);
            }}
          >
            <Button icon={<UploadOutlined />}>选择文件</Button>
          </Upload>
        </Form.Item>
      </Form>
      {outcome?.kind === 'error' && <Alert type="error" showIcon role="alert" title={outcome.message} />}
      {outcome?.kind === 'problems' && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type="error" showIcon role="alert" title={outcome.message} />
          <Table<ImportProblem>
            size="small"
            rowKey={(p) => `${p.row}:${p.field}:${p.message}`}
            dataSource={outcome.problems}
            pagination={outcome.problems.length > 10 ? { pageSize: 10 } : false}
            columns={[
              { title: '行号', dataIndex: 'row', width: 72 },
              { title: '字段', dataIndex: 'field', width: 160, render: (f: string) => f || '—' },
              { title: '问题', dataIndex: 'message' },
            ]}
          />
        </Space>
      )}
      {result && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert
            type={result.dryRun ? 'info' : 'success'}
            showIcon
            title={result.dryRun ? `预检通过：将新建 ${result.created.length} 个单位。确认无误后点击“开始导入”。` : `导入完成：已新建 ${result.created.length} 个单位。`}
          />
          {result.ignoredColumns && result.ignoredColumns.length > 0 && (
            <Alert type="warning" showIcon title={`以下列无法识别，已忽略：${result.ignoredColumns.join('、')}`} />
          )}
          <Table
            size="small"
            rowKey="row"
            dataSource={result.created}
            pagination={result.created.length > 10 ? { pageSize: 10 } : false}
            columns={[
              { title: '行号', dataIndex: 'row', width: 72 },
              { title: '单位名称', dataIndex: 'name' },
              { title: '上级单位', dataIndex: 'parentName', render: (n: string | null) => n ?? '（顶级）' },
            ]}
          />
        </Space>
      )}
    </Modal>
  );
}
