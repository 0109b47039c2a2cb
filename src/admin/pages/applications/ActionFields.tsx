/** The payload fields of each action (server: PAYLOADS in src/domain/requests/transition-application.ts). */
import { Form, Input, InputNumber, Radio, Select } from 'antd';
import type { UnitWithPermissions } from '../../api/types';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { SERVICE_METHODS } from './codes';
import { ReplyFields } from './ReplyFields';
import type { Handler } from './use-handlers';
import type { Action } from './workflow';

export interface ActionContext {
  unitId: string;
  handlers: Handler[];
  consultations: { id: string; label: string }[];
  units: UnitWithPermissions[];
}

const required = (message: string) => [{ required: true, whitespace: true, message }];

export function ActionFields({ action, ctx }: { action: Action; ctx: ActionContext }) {
  const method = Form.useWatch('method', Form.useFormInstance()) as string | undefined;
  switch (action) {
    case 'requestCorrection':
      return (
        <>
          <Form.Item name="items" label="需要补正的事项" rules={required('请填写需要补正的事项')} extra="一次性告知申请人需要补正的全部事项（《条例》第三十条）。">
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="periodDays" label="补正期限（工作日）" rules={[{ required: true, message: '请填写补正期限' }]} extra="合理的补正期限，常用15个工作日。">
            <InputNumber min={1} max={60} precision={0} style={{ width: 160 }} />
          </Form.Item>
        </>
      );
    case 'receiveCorrection':
      return (
        <Form.Item name="summary" label="补正内容摘要" extra="收到补正后，答复期限自收到之日重新起算。">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      );
    case 'accept':
      return (
        <Form.Item name="handlerId" label="经办人" extra="不选择时由您本人经办。">
          <Select allowClear options={ctx.handlers.map((h) => ({ value: h.id, label: h.name }))} />
        </Form.Item>
      );
    case 'startConsultation':
      return (
        <>
          <Form.Item name="kind" label="征求对象类型" rules={[{ required: true, message: '请选择征求对象类型' }]}>
            <Radio.Group role="radiogroup" aria-label="征求对象类型" options={[{ value: 'thirdParty', label: '第三方（第三十二条）' }, { value: 'coAgency', label: '其他机关（第三十四条）' }]} />
          </Form.Item>
          <Form.Item name="party" label="征求意见对象" rules={required('请填写征求意见对象')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="matter" label="征求意见事项" extra="征求意见期间不计入答复期限；对方应在15个工作日内答复。">
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </>
      );
    case 'receiveConsultationAnswer':
      return (
        <>
          <Form.Item name="consultationId" label="答复的征求意见" rules={[{ required: true, message: '请选择收到答复的征求意见' }]}>
            <Select options={ctx.consultations.map((c) => ({ value: c.id, label: c.label }))} />
          </Form.Item>
          <Form.Item name="answer" label="答复意见" rules={required('请填写答复意见')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="consent" label="对方态度">
            <Radio.Group role="radiogroup" aria-label="对方态度" options={[{ value: 'agree', label: '同意公开' }, { value: 'disagree', label: '不同意公开' }, { value: 'noAnswer', label: '逾期未答复' }]} />
          </Form.Item>
        </>
      );
    case 'requestExtension':
      return (
        <>
          <Form.Item name="days" label="延长期限（工作日）" rules={[{ required: true, message: '请填写延长期限' }]} extra="最长不超过20个工作日，须经政府信息公开工作机构负责人同意（《条例》第三十三条）。">
            <InputNumber min={1} max={20} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="reason" label="延期理由" rules={required('请填写延期理由')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </>
      );
    case 'rejectExtension':
    case 'withdraw':
      return (
        <Form.Item name="reason" label={action === 'withdraw' ? '撤回说明' : '不批准的理由'}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      );
    case 'issueFeeNotice':
      return (
        <>
          <Form.Item name="method" label="计收方式" rules={[{ required: true, message: '请选择按件或按量计收' }]} extra="同一申请只能选择一种方式；金额由系统按国办函〔2020〕109号计算。">
            <Radio.Group role="radiogroup" aria-label="计收方式" options={[{ value: 'perApplication', label: '按件计收' }, { value: 'perVolume', label: '按量计收' }]} />
          </Form.Item>
          {method === 'perVolume' && (
            <Form.Item name="pages" label="页数" rules={[{ required: true, message: '请填写页数' }]}>
              <InputNumber min={0} max={1_000_000} precision={0} style={{ width: 160 }} />
            </Form.Item>
          )}
        </>
      );
    case 'recordPayment':
      return (
        <>
          <Form.Item name="amountYuan" label="缴费金额（元）" rules={[{ required: true, message: '请填写缴费金额' }]}>
            <InputNumber min={1} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="receiptNo" label="票据号">
            <Input maxLength={100} />
          </Form.Item>
        </>
      );
    case 'waiveFee':
      return (
        <Form.Item name="reason" label="减免理由" rules={required('请填写减免理由')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      );
    case 'reply':
      return <ReplyFields />;
    case 'serve':
      return (
        <>
          <Form.Item name="method" label="送达方式" rules={[{ required: true, message: '请选择送达方式' }]} extra="直接送达以签收之日、邮寄送达以交邮之日为送达日期（国办公开办函〔2016〕235号）。">
            <Select options={Object.entries(SERVICE_METHODS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          {method === 'post' && (
            <Form.Item name="trackingNo" label="邮件号">
              <Input maxLength={100} />
            </Form.Item>
          )}
        </>
      );
    case 'transfer':
      return (
        <>
          <Form.Item name="toUnitId" label="接收单位" rules={[{ required: true, message: '请选择接收单位' }]} extra="本单位答复“本机关不掌握相关政府信息”并告知有权机关；接收单位收到一件新的申请。">
            <UnitTreeSelect units={ctx.units} selectable={(u) => u.status === 'active' && u.id !== ctx.unitId} />
          </Form.Item>
          <Form.Item name="reason" label="转办理由">
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </>
      );
    default:
      return null;
  }
}
