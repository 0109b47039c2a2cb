/** 统计: one unit's applications in a year: received by channel and applicant type, open, overdue, on-time rate. */
import { Alert, App, Card, Col, Flex, InputNumber, List, Row, Space, Statistic, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, errorMessage, isHandledByRedirect, query } from '../../api/client';
import { useQueryParams } from '../../app/use-query-params';
import { useTitle } from '../../app/use-title';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { BarChart } from './BarChart';
import { APPLICANT_TYPES, CHANNELS } from './codes';
import { useRequestUnits } from './request-units';
import type { Stats } from './types';

export default function StatsPage() {
  useTitle('依申请公开统计');
  const { message } = App.useApp();
  const { units, ids, defaultUnitId } = useRequestUnits('read');
  const [params, set] = useQueryParams();
  const unitId = params.get('unitId') ?? defaultUnitId;
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('year')) || thisYear;
  const [stats, setStats] = useState<Stats | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    if (!unitId) return;
    setLoading(true);
    try {
      setStats(await api.get<Stats>(`/applications/stats${query({ unitId, year })}`));
    } catch (e) {
      if (!isHandledByRedirect(e)) message.error(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [unitId, year, message]);

  useEffect(() => {
    void load();
  }, [load]);

  const rate = stats?.onTimeRate;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>依申请公开统计</Typography.Title>
      <Card size="small">
        <Flex wrap gap={12} align="center">
          <div style={{ flex: '1 1 280px', maxWidth: 420 }}>
            <UnitTreeSelect aria-label="统计单位" units={units} value={unitId} selectable={(u) => ids.has(u.id)} onChange={(id) => set('unitId', id)} />
          </div>
          <label className="gk-switch-label">
            年度
            <InputNumber aria-label="统计年度" min={2000} max={2100} precision={0} value={year} onChange={(v) => set('year', v ? String(v) : null)} style={{ width: 110 }} />
          </label>
        </Flex>
      </Card>
      {stats && (
        <>
          <Row gutter={[12, 12]}>
            {[
              { title: `${stats.year}年收到申请`, value: stats.received, suffix: '件' },
              { title: '在办', value: stats.open, suffix: '件' },
              { title: '已逾期', value: stats.overdue, suffix: '件', danger: stats.overdue > 0 },
              { title: `${stats.year}年已答复`, value: stats.replied, suffix: '件' },
              { title: '按时答复率', value: rate === null || rate === undefined ? '—' : (rate * 100).toFixed(1), suffix: rate === null ? '' : '%' },
              { title: '平均答复用时', value: stats.averageWorkingDaysToReply ?? '—', suffix: stats.averageWorkingDaysToReply === null ? '' : '个工作日' },
            ].map((c) => (
              <Col key={c.title} xs={12} md={8} xl={4}>
                <Card size="small" loading={loading} className={c.danger ? 'gk-stat-danger' : undefined}>
                  <Statistic title={c.title} value={c.value} suffix={c.suffix} />
                </Card>
              </Col>
            ))}
          </Row>
          <Typography.Text type="secondary">
            平均答复用时自收到申请（补正的，自收到补正）起算，扣除征求意见和待缴费期间（《条例》第三十条、第三十三条）；按时答复率按答复时有效的期限计算。
          </Typography.Text>
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={12}>
              <Card size="small">
                <BarChart title="按申请渠道" bars={Object.entries(CHANNELS).map(([k, label]) => ({ key: k, label, value: stats.byChannel[k] ?? 0 }))} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small">
                <BarChart title="按申请人类型" bars={Object.entries(APPLICANT_TYPES).map(([k, label]) => ({ key: k, label, value: stats.byApplicantType[k] ?? 0 }))} />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={`逾期未答复（${stats.overdue} 件）`}>
            {stats.overdue > 0 && <Alert type="error" showIcon style={{ marginBottom: 8 }} title="以下申请已超过答复期限，请尽快办理。" />}
            <List
              size="small"
              dataSource={stats.overdueList}
              locale={{ emptyText: '没有逾期的申请' }}
              renderItem={(o) => (
                <List.Item>
                  <Link to={`/applications/${o.id}`}>{o.receiptNo}</Link>
                  <span>答复期限 {o.replyDue}（已逾期）</span>
                </List.Item>
              )}
            />
          </Card>
        </>
      )}
    </Space>
  );
}
