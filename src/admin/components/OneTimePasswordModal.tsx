import { Alert, Descriptions, Modal, Typography } from 'antd';

export interface OneTimePassword {
  title: string;
  username: string;
  displayName: string;
  password: string;
}

/** Shows a generated password exactly once: it is not stored in readable form and cannot be shown again. */
export function OneTimePasswordModal({ value, onClose }: { value: OneTimePassword | null; onClose: () => void }) {
  return (
    <Modal
      open={value !== null}
      title={value?.title}
      onOk={onClose}
      onCancel={onClose}
      okText="我已记下密码"
      cancelButtonProps={{ style: { display: 'none' } }}
      maskClosable={false}
      destroyOnHidden
    >
      {value && (
        <>
          <Alert
            type="warning"
            showIcon
            title="一次性密码只显示这一次"
            description="请立即复制并通过安全渠道交给本人。关闭此窗口后将无法再次查看；本人首次登录后须修改密码。"
            style={{ marginBottom: 16 }}
          />
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label="姓名">{value.displayName}</Descriptions.Item>
            <Descriptions.Item label="用户名">{value.username}</Descriptions.Item>
            <Descriptions.Item label="一次性密码">
              <Typography.Text code copyable={{ text: value.password, tooltips: ['复制密码', '已复制'] }} data-testid="one-time-password" style={{ fontSize: 16 }}>
                {value.password}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        </>
      )}
    </Modal>
  );
}
