/** The expanded row of an audit entry: what the record was before and after, and the chain hash. */
import { Button, Col, Descriptions, Row, Typography } from 'antd';
import type { AuditItem } from '../../api/types';

const json = (v: unknown) => (v === null || v === undefined ? '（无）' : JSON.stringify(v, null, 2));

export function AuditDetail({ item, onFilterEntity }: { item: AuditItem; onFilterEntity: (entityType: string, entityId: string) => void }) {
  return (
    <div>
      <Row gutter={[16, 8]}>
        <Col xs={24} md={12}>
          <Typography.Text strong>变更前</Typography.Text>
          <pre className="gk-pre" aria-label={`第 ${item.seq} 条 变更前`}>{json(item.before)}</pre>
        </Col>
        <Col xs={24} md={12}>
          <Typography.Text strong>变更后</Typography.Text>
          <pre className="gk-pre" aria-label={`第 ${item.seq} 条 变更后`}>{json(item.after)}</pre>
        </Col>
      </Row>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginTop: 8 }}>
        <Descriptions.Item label="对象ID">
          {item.entityId ? (
            <>
              <Typography.Text code copyable>{item.entityId}</Typography.Text>
              <Button type="link" size="small" onClick={() => onFilterEntity(item.entityType, item.entityId as string)}>只看此对象</Button>
            </>
          ) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="IP">{item.ip ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="哈希（防篡改链）">
          <Typography.Text code style={{ wordBreak: 'break-all' }}>{item.hash}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}
