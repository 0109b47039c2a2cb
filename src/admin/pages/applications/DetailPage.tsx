/** 申请详情: summary, the clock and why, actions legal from the current status, notices, history and notes. */
import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Result, Row, Select, Space, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api, errorMessage, isHandledByRedirect } from '../../api/client';
import { unitNameMap } from '../../app/unit-tree';
import { useTitle } from '../../app/use-title';
import { useUnits } from '../../app/use-units';
import { ActionPanel } from './ActionPanel';
import { ApplicantCard } from './ApplicantCard';
import { ClockCard } from './ClockCard';
import { DELIVERY_METHODS, OUTCOMES, PROVISION_FORMS, SERVICE_METHODS } from './codes';
import { openConsultations } from './event-text';
import { HistoryCard, NotesCard } from './HistoryCard';
import { NoticesCard } from './NoticesCard';
import { EvidenceCard } from './EvidenceCard';
import type { ApplicationDetail } from './types';
import { useHandlers } from './use-handlers';
import { UrgencyTag } from './UrgencyTag';
import { OPEN_STATUSES } from './workflow';

function AssignHandler({ detail, handlers, onDone }: { detail: ApplicationDetail; handlers: { id: string; name: string }[]; onDone: () => void }) {
  const { message } = App.useApp();
  const [value, setValue] = useState<string | undefined>(detail.handlerId ?? undefined);
  const [saving, setSaving] = useState(false);
  useEffect(() => setValue(detail.handlerId ?? undefined), [detail.handlerId]);
  const save = async () => {
    if (!value) return;
    setSaving(true);
    try {
      await api.post(`/applications/${detail.id}/assign`, { handlerId: value });
      message.success('已指定经办人');
      onDone();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Flex gap={8} wrap>
      <Select aria-label="经办人" placeholder="选择本单位的依申请经办人" style={{ minWidth: 200, flex: 1 }} value={value} onChange={setValue} options={handlers.map((h) => ({ value: h.id, label: h.name }))} />
      <Button onClick={() => void save()} loading={saving} disabled={!value || value === detail.handlerId}>指定经办人</Button>
    </Flex>
  );
}

export default function DetailPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const { units } = useUnits();
  const [detail, setDetail] = useState<ApplicationDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  useTitle(detail ? `申请 ${detail.receiptNo}` : '申请详情');
  const { handlers, nameOf } = useHandlers(detail?.unitId);
  const names = useMemo(() => unitNameMap(units), [units]);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setDetail(await api.get<ApplicationDetail>(`/applications/${id}`));
      setError(null);
    } catch (e) {
      if (e instanceof ApiError) setError(e);
      if (!isHandledByRedirect(e) && !(e instanceof ApiError && e.status === 404)) message.error(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [id, message]);

  useEffect(() => {
    void load();
  }, [load]);

  if (error?.status === 404) return <Result status="404" title="申请不存在" subTitle="该申请不存在，或不属于您可以查看的单位。" extra={<Link to="/applications">返回办理队列</Link>} />;
  if (!detail) return <Spin style={{ display: 'block', margin: 48 }} description="正在加载…" />;

  const d = detail;
  const open = OPEN_STATUSES.includes(d.status);
  const ctx = { unitId: d.unitId, handlers, consultations: openConsultations(d.events), units };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to={`/applications?unitId=${d.unitId}`}><ArrowLeftOutlined /> 返回办理队列</Link>
      <Flex wrap gap={8} align="center" justify="space-between">
        <Space wrap align="center">
          <Typography.Title level={2} style={{ margin: 0 }}>申请 {d.receiptNo}</Typography.Title>
          <Tag color={open ? 'processing' : 'default'} data-testid="status">{d.statusLabel}</Tag>
          {open && d.clock && !d.clock.replyDue && <Tag color="blue">计时暂停</Tag>}
        </Space>
        <Button icon={<ReloadOutlined />} onClick={() => void load()} loading={loading}>刷新</Button>
      </Flex>
      {d.duplicateOf && (
        <Alert type="warning" showIcon title="疑似重复申请" description={<span>同一申请人此前提出过相同内容的申请：<Link to={`/applications/${d.duplicateOf}`}>查看前一申请</Link></span>} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card title="申请概要" size="small">
              <Descriptions column={{ xs: 1, md: 2 }} size="small">
                <Descriptions.Item label="受理单位">{names.get(d.unitId) ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="状态">{d.statusLabel}</Descriptions.Item>
                <Descriptions.Item label="答复结果">{d.outcomeLabel ?? '尚未答复'}</Descriptions.Item>
                <Descriptions.Item label="紧急程度">{open ? <UrgencyTag urgency={!d.clock?.replyDue ? 'stopped' : d.clock.replyDue < dayjs().format('YYYY-MM-DD') ? 'overdue' : 'normal'} /> : '已办结'}</Descriptions.Item>
                <Descriptions.Item label="申请渠道">{d.channelLabel}</Descriptions.Item>
                <Descriptions.Item label="收到申请日期">{d.receivedOn ?? '待确认'}</Descriptions.Item>
                <Descriptions.Item label="提供形式">{PROVISION_FORMS[d.provisionForm as keyof typeof PROVISION_FORMS] ?? d.provisionForm}</Descriptions.Item>
                <Descriptions.Item label="获取方式">{DELIVERY_METHODS[d.deliveryMethod as keyof typeof DELIVERY_METHODS] ?? d.deliveryMethod}</Descriptions.Item>
                {d.documentNo && <Descriptions.Item label="文号">{d.documentNo}</Descriptions.Item>}
                {d.receiptEvidence && <Descriptions.Item label="收件凭证">{d.receiptEvidence}</Descriptions.Item>}
                <Descriptions.Item label="经办人">{nameOf(d.handlerId)}</Descriptions.Item>
                {d.servedOn && <Descriptions.Item label="送达">{d.servedOn}（{SERVICE_METHODS[d.serviceMethod as keyof typeof SERVICE_METHODS] ?? d.serviceMethod}）</Descriptions.Item>}
                {d.transferredFrom && <Descriptions.Item label="转自"><Link to={`/applications/${d.transferredFrom}`}>原申请</Link></Descriptions.Item>}
                {d.transferredTo && <Descriptions.Item label="已转办">已转有权机关办理</Descriptions.Item>}
                <Descriptions.Item label="所需信息" span={2}><div className="gk-prewrap">{d.description}</div></Descriptions.Item>
              </Descriptions>
              {d.reply && (
                <Descriptions column={1} size="small" bordered title="答复内容" style={{ marginTop: 12 }}>
                  <Descriptions.Item label="答复结果">{OUTCOMES[d.reply.outcome]?.label ?? d.reply.outcome}</Descriptions.Item>
                  {d.reply.withheld?.map((w, i) => (
                    <Descriptions.Item key={i} label={`不予公开 ${i + 1}`}>{w.what}（{OUTCOMES[w.ground]?.label ?? w.ground}）</Descriptions.Item>
                  ))}
                  {d.reply.competentAgency && <Descriptions.Item label="有权机关">{d.reply.competentAgency}</Descriptions.Item>}
                  {d.reply.publishedAt && <Descriptions.Item label="公开途径">{d.reply.publishedAt}</Descriptions.Item>}
                  {d.reply.remarks && <Descriptions.Item label="说明">{d.reply.remarks}</Descriptions.Item>}
                </Descriptions>
              )}
            </Card>
            <ClockCard detail={d} />
            <Card title="办理操作" size="small">
              <ActionPanel detail={d} ctx={ctx} onDone={() => void load()} />
            </Card>
            {d.canHandle && <NoticesCard key={`${d.status}:${d.events.length}`} detail={d} />}
            {d.canHandle && <EvidenceCard detail={d} />}
          </Space>
        </Col>
        <Col xs={24} lg={8}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <ApplicantCard detail={d} />
            {d.canHandle && open && (
              <Card title="经办人" size="small">
                <AssignHandler detail={d} handlers={handlers} onDone={() => void load()} />
              </Card>
            )}
            <NotesCard detail={d} onAdded={() => void load()} />
            <HistoryCard detail={d} nameOf={nameOf} />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
