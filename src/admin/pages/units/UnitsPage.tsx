/** 单位管理: the unit tree on the left, the chosen unit's record and actions on the right. */
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Grid, Row, Skeleton, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { API_BASE } from '../../api/client';
import type { Unit } from '../../api/types';
import { capabilities } from '../../app/capabilities';
import { useCurrentSession } from '../../app/session';
import { useTitle } from '../../app/use-title';
import { useUnits } from '../../app/use-units';
import { CreateUnitDrawer } from './CreateUnitDrawer';
import { ImportUnitsModal } from './ImportUnitsModal';
import { UnitDetail } from './UnitDetail';
import { UnitTreePanel } from './UnitTreePanel';

export default function UnitsPage() {
  useTitle('单位管理');
  const session = useCurrentSession();
  const { units, loading, reload } = useUnits();
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('id');
  const [creatingUnder, setCreatingUnder] = useState<Unit | null | undefined>(undefined);
  const [importing, setImporting] = useState(false);
  const selected = units.find((u) => u.id === selectedId) ?? null;
  const canImport = units.some((u) => u.can.createChild);
  const isSysAdmin = capabilities(session).sysAdmin;

  const detailRef = useRef<HTMLDivElement>(null);
  const screens = Grid.useBreakpoint();
  const select = (id: string | null) => setParams(id ? { id } : {}, { replace: false });
  const selectFromTree = (id: string) => {
    select(id);
    // On a phone the record is below the tree: bring it into view.
    if (!screens.lg) requestAnimationFrame(() => detailRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  };

  // Open the user's own unit (or the first one) when nothing is chosen yet.
  useEffect(() => {
    if (!selectedId && units.length) {
      const own = units.find((u) => u.id === session.account.unitId) ?? units[0];
      if (own) setParams({ id: own.id }, { replace: true });
    }
  }, [selectedId, units, session.account.unitId, setParams]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex wrap gap={8} align="center" justify="space-between">
        <Typography.Title level={2} style={{ margin: 0 }}>单位管理</Typography.Title>
        <Space wrap>
          {isSysAdmin && <Button icon={<PlusOutlined />} onClick={() => setCreatingUnder(null)}>新建顶级单位</Button>}
          {canImport && <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>批量导入</Button>}
          <Button icon={<DownloadOutlined />} href={`${API_BASE}/units/import-template.csv`} download>下载导入模板</Button>
        </Space>
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8} xl={7}>
          <Card title="单位树" size="small">
            {loading && units.length === 0 ? <Skeleton active /> : <UnitTreePanel units={units} selectedId={selectedId} onSelect={selectFromTree} />}
          </Card>
        </Col>
        <Col xs={24} lg={16} xl={17} ref={detailRef}>
          {selected ? (
            <UnitDetail
              key={selected.id + selected.updatedAt}
              unit={selected}
              units={units}
              onChanged={async () => {
                await reload();
              }}
              onDeleted={async () => {
                select(selected.parentId);
                await reload();
              }}
              onCreateChild={() => setCreatingUnder(selected)}
            />
          ) : (
            <Card>{loading ? <Skeleton active /> : <Empty description="请在单位树中选择一个单位" />}</Card>
          )}
        </Col>
      </Row>
      <CreateUnitDrawer
        open={creatingUnder !== undefined}
        parent={creatingUnder ?? null}
        onClose={() => setCreatingUnder(undefined)}
        onCreated={async (unit) => {
          setCreatingUnder(undefined);
          await reload();
          select(unit.id);
        }}
      />
      <ImportUnitsModal
        open={importing}
        units={units}
        defaultParentId={selected?.can.createChild ? selected.id : null}
        onClose={() => setImporting(false)}
        onImported={() => void reload()}
      />
    </Space>
  );
}
