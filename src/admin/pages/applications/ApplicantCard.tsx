/** The applicant, masked; the full record only on request, and every view is recorded in the audit log. */
import { EyeOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Modal, Typography } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../api/client';
import { ID_DOCUMENT_TYPES } from './codes';
import type { ApplicationDetail, PersonalData } from './types';

export function ApplicantCard({ detail }: { detail: ApplicationDetail }) {
  const { modal } = App.useApp();
  const [data, setData] = useState<PersonalData | null>(null);
  const [loading, setLoading] = useState(false);

  const show = () =>
    modal.confirm({
      title: '查看申请人完整信息',
      content: '完整信息包括证件号码、联系电话和地址。本次查看将以您的名义记入审计日志，请仅在办理需要时查看。',
      okText: '查看',
      cancelText: '取消',
      onOk: async () => {
        setLoading(true);
        try {
          setData(await api.get<PersonalData>(`/applications/${detail.id}/personal-data`));
        } catch (e) {
          modal.error({ title: '无法查看', content: errorMessage(e) });
        } finally {
          setLoading(false);
        }
      },
    });

  return (
    <Card title="申请人" size="small">
      <Descriptions column={1} size="small">
        <Descriptions.Item label="申请人">{detail.applicant}</Descriptions.Item>
        <Descriptions.Item label="类型">{detail.applicantTypeLabel}</Descriptions.Item>
      </Descriptions>
      {detail.canHandle && (
        <>
          <Button icon={<EyeOutlined />} loading={loading} onClick={show}>查看完整信息</Button>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>列表和详情只显示脱敏信息；查看完整信息会记入审计日志。</Typography.Paragraph>
        </>
      )}
      <Modal open={data !== null} title="申请人完整信息" onCancel={() => setData(null)} footer={<Button onClick={() => setData(null)}>关闭</Button>} destroyOnHidden>
        {data && (
          <>
            <Typography.Paragraph type="warning">本次查看已记入审计日志。请勿截屏、抄录或向无关人员提供。</Typography.Paragraph>
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label={detail.applicantType === 'natural' ? '姓名' : '单位名称'}>{data.name}</Descriptions.Item>
              {data.idNumber && <Descriptions.Item label={ID_DOCUMENT_TYPES[data.idType as keyof typeof ID_DOCUMENT_TYPES] ?? '证件号码'}>{data.idNumber}</Descriptions.Item>}
              {data.orgCode && <Descriptions.Item label="统一社会信用代码">{data.orgCode}</Descriptions.Item>}
              {data.contactPerson && <Descriptions.Item label="联系人">{data.contactPerson}</Descriptions.Item>}
              <Descriptions.Item label="联系电话">{data.phone}</Descriptions.Item>
              <Descriptions.Item label="电子邮箱">{data.email ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="通信地址">{data.address ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="邮政编码">{data.postcode ?? '—'}</Descriptions.Item>
            </Descriptions>
          </>
        )}
      </Modal>
    </Card>
  );
}
