/**
 * One item as reviewers see it: body, metadata, attachments, related items, the checks' findings, the review
 * history — and what the current user may do now (edit, review at their stage, request or decide a withdrawal or
 * correction, cancel a scheduled publication).
 */
import { ArrowLeftOutlined, EditOutlined, ExportOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Flex, List, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, errorMessage, isHandledByRedirect } from '../../api/client';
import { capabilities } from '../../app/capabilities';
import { formatTime } from '../../app/format';
import { useCurrentSession } from '../../app/session';
import { useTitle } from '../../app/use-title';
import { useUnits } from '../../app/use-units';
import { formatSize } from './AttachmentsCard';
import { CheckPanel } from './CheckPanel';
import { PendingCard, RequestChangeCard } from './PostPublicationActions';
import { ReviewActions, UnscheduleAction } from './ReviewActions';
import { useColumns } from './use-pub-data';
import {
  EVENT_LABELS, ITEM_STATUS_LABELS, LINK_LABELS, STATUS_COLORS, VALIDITY_LABELS, type CheckFinding, type ItemDetail, type PublicationEvent, type PublicationSettings,
} from './types';
import './editor.css';

export default function ItemViewPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { units } = useUnits();
  const can = capabilities(useCurrentSession());
  const [detail, setDetail] = useState<ItemDetail | null>(null);
  const [settings, setSettings] = useState<PublicationSettings | null>(null);
  const [findings, setFindings] = useState<CheckFinding[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { byId } = useColumns(detail?.item.unitId ?? null);
  useTitle(detail?.item.title ?? '信息');

  const load = useCallback(async () => {
    try {
      const d = await api.get<ItemDetail>(`/publications/items/${id}`);
      setDetail(d);
      const [s, f] = await Promise.all([
        api.get<PublicationSettings>(`/units/${d.item.unitId}/publication-settings`).catch(() => null),
        ['draft', 'inReview', 'scheduled'].includes(d.item.status) ? api.get<{ findings: CheckFinding[] }>(`/publications/items/${id}/checks`).then((r) => r.findings) : Promise.resolve(null),
      ]);
      setSettings(s);
      setFindings(f);
    } catch (e) {
      if (!isHandledByRedirect(e)) setError(errorMessage(e));
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (error) return <Typography.Text type="danger" role="alert">{error}</Typography.Text>;
  if (!detail) return <Spin style={{ display: 'block', margin: 48 }} description="正在加载…" />;
  const { item } = detail;
  const unit = units.find((u) => u.id === item.unitId);
  const portal = unit && (item.status === 'published' || item.status === 'withdrawn') ? `/u/${unit.slug}/i/${item.id}` : null;
  const done = () => void load();
  const remove = async () => {
    try {
      await api.del(`/publications/items/${item.id}`);
      message.success('草稿已删除');
      navigate(`/publications?unitId=${item.unitId}`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space wrap align="center">
          <Link to={`/publications?unitId=${item.unitId}`} aria-label="返回信息列表"><ArrowLeftOutlined /></Link>
          <Typography.Title level={2} style={{ margin: 0 }}>{item.title}</Typography.Title>
          <Tag color={STATUS_COLORS[item.status]}>{ITEM_STATUS_LABELS[item.status]}{detail.stageName ? `·${detail.stageName}` : ''}</Tag>
        </Space>
        <Space wrap>
          {detail.can.edit && <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/publications/${item.id}/edit`)}>编辑</Button>}
          {detail.can.edit && !item.indexNumber && <Button danger onClick={() => void remove()}>删除草稿</Button>}
          {portal && <Button icon={<ExportOutlined />} href={portal} target="_blank" rel="noopener">在门户查看</Button>}
        </Space>
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {item.status === 'withdrawn' && <Card size="small"><Typography.Text type="danger">已于 {formatTime(item.withdrawnAt)} 撤稿：{item.withdrawalReason}</Typography.Text></Card>}
            {item.correctedAt && <Card size="small"><Typography.Text>已于 {formatTime(item.correctedAt)} 更正：{item.correctionNote}</Typography.Text></Card>}
            <Card size="small" title="正文">
              {item.summary && <Typography.Paragraph type="secondary">{item.summary}</Typography.Paragraph>}
              {/* The body is stored sanitised (src/domain/publications/sanitize.ts): safe to render as HTML. */}
              <div className="gk-body-view" dangerouslySetInnerHTML={{ __html: item.bodyHtml || '<p>（无正文）</p>' }} />
            </Card>
            <Card size="small" title="附件">
              <List size="small" locale={{ emptyText: '暂无附件' }} dataSource={detail.attachments} renderItem={(a) => (
                <List.Item><a href={a.url}>{a.filename}</a><Typography.Text type="secondary">{formatSize(a.size)}</Typography.Text></List.Item>
              )} />
            </Card>
            <Card size="small" title="办理记录">
              <History events={detail.events} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {detail.can.review && <ReviewActions detail={detail} settings={settings} findings={findings} onDone={done} />}
            {item.status === 'scheduled' && <Card size="small"><Typography.Text>将于 {formatTime(item.publishAt)} 发布</Typography.Text></Card>}
            {item.status === 'scheduled' && settings && can.reviewPublications && <UnscheduleAction itemId={item.id} onDone={done} />}
            {item.pending && <PendingCard detail={detail} onDone={done} />}
            {detail.can.requestChange && <RequestChangeCard detail={detail} onDone={done} />}
            {findings && <CheckPanel findings={findings} attachmentName={(aid) => detail.attachments.find((a) => a.id === aid)?.filename} />}
            <Card size="small" title="目录信息">
              <Descriptions size="small" column={1} items={[
                { key: 'idx', label: '索引号', children: item.indexNumber ?? '发布时生成' },
                { key: 'col', label: '栏目', children: byId.get(item.columnId)?.name ?? '—' },
                { key: 'pub', label: '发布机构', children: item.publisher },
                { key: 'doc', label: '文号', children: item.docNumber ?? '—' },
                { key: 'on', label: '生成日期', children: item.createdOn },
                { key: 'pon', label: '发布日期', children: item.publishedOn ?? '—' },
                { key: 'days', label: '发布用时', children: item.workingDays === null ? '—' : `${item.workingDays} 个工作日（时限 ${item.timeLimitDays ?? '—'}）` },
                { key: 'sub', label: '主题分类', children: item.subject ?? '—' },
                { key: 'gen', label: '体裁分类', children: item.genre ?? '—' },
                { key: 'kw', label: '关键词', children: item.keywords.join('、') || '—' },
                { key: 'm', label: '公开方式', children: item.disclosureMethod },
                { key: 'p', label: '公开时限', children: item.disclosurePeriod },
                { key: 's', label: '公开范围', children: item.disclosureScope },
                { key: 'v', label: '有效性', children: item.validity ? `${VALIDITY_LABELS[item.validity]}${item.effectiveOn ? `（${item.effectiveOn} 施行）` : ''}${item.validityChangedOn ? `，${item.validityChangedOn} 修改/废止` : ''}` : '—' },
                { key: 'by', label: '起草人', children: item.createdByName },
              ]} />
            </Card>
            {detail.links.length > 0 && (
              <Card size="small" title="关联信息">
                <List size="small" dataSource={detail.links} renderItem={(l) => (
                  <List.Item>
                    <Space orientation="vertical" size={0}>
                      <Typography.Text type="secondary">{l.fromId === item.id ? LINK_LABELS[l.kind].forward : LINK_LABELS[l.kind].backward}</Typography.Text>
                      {l.other ? <Link to={`/publications/${l.other.id}`}>{l.other.title}</Link> : <Typography.Text type="secondary">（无权查看或已删除）</Typography.Text>}
                    </Space>
                  </List.Item>
                )} />
              </Card>
            )}
          </Space>
        </Col>
      </Row>
    </Space>
  );
}

function History({ events }: { events: PublicationEvent[] }) {
  return (
    <Table<PublicationEvent> size="small" rowKey="id" pagination={false} dataSource={events} scroll={{ x: 640 }} columns={[
      { title: '时间', dataIndex: 'at', width: 160, render: (t: string) => formatTime(t) },
      { title: '环节', dataIndex: 'stageName', width: 70, render: (s: string | null) => s ?? '—' },
      { title: '办理人', dataIndex: 'actorName', width: 90, render: (s: string | null) => s ?? '系统' },
      { title: '操作', dataIndex: 'action', width: 110, render: (a: PublicationEvent['action']) => EVENT_LABELS[a] ?? a },
      {
        title: '意见', dataIndex: 'comment', render: (c: string | null, e) => (
          <Space orientation="vertical" size={0}>
            {c && <span>{c}</span>}
            {e.confidentialityConfirmed && <Tag color="blue">已确认保密审查</Tag>}
            {typeof e.data?.reason === 'string' && <span>理由：{e.data.reason}</span>}
          </Space>
        ),
      },
    ]} />
  );
}
