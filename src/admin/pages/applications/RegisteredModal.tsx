/** After registration: the receipt number and the query code, shown once, to hand to the applicant. */
import { Alert, Button, Descriptions, Flex, Modal, Typography } from 'antd';
import { Link } from 'react-router';
import type { RegisterResponse } from './types';

interface Props {
  value: RegisterResponse | null;
  onOpenDetail: (id: string) => void;
  onNext: () => void;
}

export function RegisteredModal({ value, onOpenDetail, onNext }: Props) {
  return (
    <Modal
      open={value !== null}
      title="申请已登记"
      closable={false}
      maskClosable={false}
      keyboard={false}
      destroyOnHidden
      footer={
        value && (
          <Flex gap={8} justify="flex-end" wrap>
            <Button onClick={onNext}>继续登记</Button>
            <Button type="primary" onClick={() => onOpenDetail(value.application.id)}>查看申请详情</Button>
          </Flex>
        )
      }
    >
      {value && (
        <>
          <Alert
            type="warning"
            showIcon
            title="查询码只显示这一次"
            description="请将受理编号和查询码告知申请人（可写在登记回执上）：申请人凭二者在门户网站查询办理进度。系统只保存查询码的校验值，关闭此窗口后无法再次查看。"
            style={{ marginBottom: 16 }}
          />
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label="受理编号">
              <Typography.Text strong copyable={{ text: value.application.receiptNo, tooltips: ['复制受理编号', '已复制'] }} data-testid="receipt-no">
                {value.application.receiptNo}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="查询码">
              <Typography.Text code copyable={{ text: value.queryCode, tooltips: ['复制查询码', '已复制'] }} data-testid="query-code" style={{ fontSize: 16 }}>
                {value.queryCode}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="状态">{value.application.statusLabel}</Descriptions.Item>
            <Descriptions.Item label="答复期限">{value.application.replyDue ?? '确认收到申请后起算'}</Descriptions.Item>
          </Descriptions>
          {value.possibleDuplicates.length > 0 && (
            <Alert
              type="error"
              showIcon
              style={{ marginTop: 16 }}
              title="疑似重复申请"
              description={
                <span>
                  同一申请人此前向本单位提出过内容相同的申请：
                  {value.possibleDuplicates.map((d, i) => (
                    <span key={d.id}>{i > 0 && '、'}<Link to={`/applications/${d.id}`} target="_blank">{d.receiptNo}</Link></span>
                  ))}
                  。如确属重复申请且已答复，可按《条例》第三十六条第（六）项以“不予处理：重复申请”答复。
                </span>
              }
            />
          )}
        </>
      )}
    </Modal>
  );
}
