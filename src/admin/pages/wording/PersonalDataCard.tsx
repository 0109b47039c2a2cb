/** The personal-data rules in force for the unit: block, warn or off per kind of number. */
import { App, Card, Select, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage, isHandledByRedirect } from '../../api/client';
import { PERSONAL_DATA_LABELS, type PersonalDataRule } from './types';

type Mode = 'block' | 'warn' | 'off';
const MODES: { value: Mode; label: string }[] = [{ value: 'block', label: '阻止发布' }, { value: 'warn', label: '提示' }, { value: 'off', label: '不检查' }];

export function PersonalDataCard({ unitId, editable }: { unitId: string; editable: boolean }) {
  const { message } = App.useApp();
  const [effective, setEffective] = useState<Record<PersonalDataRule, Mode> | null>(null);

  const load = useCallback(async () => {
    try {
      setEffective((await api.get<{ effective: Record<PersonalDataRule, Mode> }>(`/publication-checks/personal-data?unitId=${encodeURIComponent(unitId)}`)).effective);
    } catch (e) {
      if (!isHandledByRedirect(e)) message.error(errorMessage(e));
    }
  }, [unitId, message]);
  useEffect(() => {
    void load();
  }, [load]);

  const change = async (rule: PersonalDataRule, mode: Mode) => {
    try {
      await api.put('/publication-checks/personal-data', { unitId, rule, severity: mode === 'off' ? 'warn' : mode, active: mode !== 'off' });
      message.success('检查规则已保存');
      await load();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const rows = (Object.keys(PERSONAL_DATA_LABELS) as PersonalDataRule[]).map((rule) => ({ rule, label: PERSONAL_DATA_LABELS[rule], mode: effective?.[rule] }));
  return (
    <Card title="个人信息检查" size="small">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">在标题、摘要、正文和附件文字中查找身份证号码（校验位、地区码、出生日期）、手机号码和银行卡号（Luhn 校验）。默认阻止发布。</Typography.Text>
        <Table size="small" pagination={false} rowKey="rule" dataSource={rows} loading={!effective} columns={[
          { title: '检查项', dataIndex: 'label' },
          {
            title: '处理方式', dataIndex: 'mode', width: 180,
            render: (mode: Mode | undefined, r) => editable
              ? <Select aria-label={`${r.label}的处理方式`} value={mode} options={MODES} style={{ width: 140 }} onChange={(m: Mode) => void change(r.rule, m)} />
              : MODES.find((m) => m.value === mode)?.label,
          },
        ]} />
      </Space>
    </Card>
  );
}
