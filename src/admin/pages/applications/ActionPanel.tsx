/**
 * 办理操作: one button for each transition the table allows from the current status (workflow.ts), each
 * opening a small form with its payload. The server decides; its Chinese message is shown when it refuses.
 */
import { Alert, App, Button, DatePicker, Flex, Form, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerErrors } from '../../components/form-errors';
import { ActionFields, type ActionContext } from './ActionFields';
import type { ApplicationDetail } from './types';
import { ACTIONS, APPROVAL_ACTIONS, DANGEROUS_ACTIONS, STATUSES, TRANSITIONS, legalActions, type Action } from './workflow';

const DEFAULTS: Partial<Record<Action, Record<string, unknown>>> = {
  requestCorrection: { periodDays: 15 },
  startConsultation: { kind: 'thirdParty' },
  requestExtension: { days: 20 },
  issueFeeNotice: { method: 'perVolume' },
  serve: { method: 'direct' },
};

/** Form values → the action's payload: the date as YYYY-MM-DD, empty texts left out. */
function payloadOf(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) continue;
    out[k] = dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : v;
  }
  return out;
}

interface Props {
  detail: ApplicationDetail;
  ctx: ActionContext;
  onDone: (message: string) => void;
}

export function ActionPanel({ detail, ctx, onDone }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, unknown>>();
  const [action, setAction] = useState<Action | null>(null);
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  const actions = legalActions(detail.status).filter((a) => {
    if (APPROVAL_ACTIONS.has(a)) return detail.canApproveExtension;
    if (!detail.canHandle) return false;
    if (a === 'receiveConsultationAnswer') return ctx.consultations.length > 0;
    return true;
  });

  const open = (a: Action) => {
    setProblems([]);
    form.resetFields();
    form.setFieldsValue({ on: dayjs(), ...DEFAULTS[a], ...(a === 'receiveConsultationAnswer' && ctx.consultations.length === 1 ? { consultationId: ctx.consultations[0]?.id } : {}) });
    setAction(a);
  };

  const submit = async (values: Record<string, unknown>) => {
    if (!action) return;
    setSaving(true);
    setProblems([]);
    try {
      await api.post(`/applications/${detail.id}/actions/${action}`, payloadOf(values));
      const label = ACTIONS[action];
      setAction(null);
      message.success(`已${label}`);
      onDone(label);
    } catch (e) {
      setProblems(applyServerErrors(form, e));
    } finally {
      setSaving(false);
    }
  };

  if (actions.length === 0) {
    return (
      <Typography.Text type="secondary">
        {legalActions(detail.status).length === 0 ? '该申请已办结，没有可进行的办理操作。' : '您没有办理该申请的权限（只读）。'}
      </Typography.Text>
    );
  }

  const to = action ? TRANSITIONS[detail.status][action] : undefined;
  const awaitingApproval = detail.status === 'extensionRequested' && !detail.canApproveExtension;

  return (
    <>
      {awaitingApproval && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="延期申请待政府信息公开工作机构负责人批准（《条例》第三十三条）。" />
      )}
      <Flex wrap gap={8} role="group" aria-label="办理操作">
        {actions.map((a) => (
          <Button key={a} type={a === 'reply' || a === 'serve' ? 'primary' : 'default'} danger={DANGEROUS_ACTIONS.has(a)} onClick={() => open(a)}>
            {ACTIONS[a]}
          </Button>
        ))}
      </Flex>
      <Modal
        open={action !== null}
        title={action ? ACTIONS[action] : ''}
        okText="提交"
        cancelText="取消"
        okButtonProps={{ loading: saving, danger: action ? DANGEROUS_ACTIONS.has(action) : false }}
        onOk={() => form.submit()}
        onCancel={() => setAction(null)}
        destroyOnHidden
        width={action === 'reply' ? 720 : 560}
        maskClosable={false}
      >
        {action && to && (
          <Typography.Paragraph type="secondary">
            {STATUSES[detail.status]} → {STATUSES[to]}
          </Typography.Paragraph>
        )}
        <ErrorAlert messages={problems} />
        <Form form={form} layout="vertical" name={`action-${action ?? 'none'}`} onFinish={(v) => void submit(v)}>
          <Form.Item name="on" label="办理日期" rules={[{ required: true, message: '请选择办理日期' }]} extra="实际发生之日，不能晚于今天；期限据此计算。">
            <DatePicker format="YYYY-MM-DD" disabledDate={(d: Dayjs) => d.isAfter(dayjs(), 'day')} style={{ width: 200 }} />
          </Form.Item>
          {action && <ActionFields action={action} ctx={ctx} />}
        </Form>
      </Modal>
    </>
  );
}
