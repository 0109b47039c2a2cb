/** Human-readable details of an event's data, for the history timeline. */
import { OUTCOMES, SERVICE_METHODS, type Outcome } from './codes';
import type { ApplicationEvent } from './types';

const CONSENT: Record<string, string> = { agree: '同意公开', disagree: '不同意公开', noAnswer: '逾期未答复' };
const KIND: Record<string, string> = { thirdParty: '第三方', coAgency: '其他机关' };
const FEE_METHOD: Record<string, string> = { perApplication: '按件计收', perVolume: '按量计收' };

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : null);

export function eventDetails(e: ApplicationEvent, handlerName: (id: string | null) => string): string[] {
  const d = e.data ?? {};
  const out: string[] = [];
  const add = (label: string, v: unknown) => {
    const s = str(v);
    if (s) out.push(`${label}：${s}`);
  };
  switch (e.action) {
    case 'register':
      if (Array.isArray(d.possibleDuplicates) && d.possibleDuplicates.length) out.push(`疑似重复申请：${d.possibleDuplicates.join('、')}`);
      add('收件凭证', d.receiptEvidence);
      add('转自', d.transferredFrom);
      break;
    case 'requestCorrection':
      add('补正事项', d.items);
      add('补正期限（工作日）', d.periodDays);
      break;
    case 'receiveCorrection':
      add('补正内容', d.summary);
      break;
    case 'startConsultation':
      add('征求对象', d.party ? `${KIND[String(d.kind)] ?? ''}${KIND[String(d.kind)] ? '：' : ''}${String(d.party)}` : null);
      add('征求事项', d.matter);
      break;
    case 'receiveConsultationAnswer':
      add('意见', d.answer);
      add('态度', d.consent ? CONSENT[String(d.consent)] : null);
      break;
    case 'requestExtension':
      add('延长（工作日）', d.days);
      add('理由', d.reason);
      break;
    case 'approveExtension':
      add('延长（工作日）', d.days);
      break;
    case 'issueFeeNotice':
      add('计收方式', d.method ? FEE_METHOD[String(d.method)] : null);
      add('页数', d.pages);
      add('金额（元）', d.amountYuan);
      if (Array.isArray(d.explanation)) out.push(`计算：${d.explanation.join('；')}`);
      break;
    case 'recordPayment':
      add('缴费金额（元）', d.amountYuan);
      add('票据号', d.receiptNo);
      break;
    case 'reply': {
      const o = d.outcome as Outcome | undefined;
      add('答复结果', o && OUTCOMES[o] ? OUTCOMES[o].label : null);
      if (Array.isArray(d.withheld)) {
        for (const w of d.withheld as { what: string; ground: Outcome }[]) out.push(`不予公开：${w.what}（${OUTCOMES[w.ground]?.label ?? w.ground}）`);
      }
      add('有权机关', d.competentAgency);
      add('公开途径', d.publishedAt);
      add('说明', d.remarks);
      break;
    }
    case 'serve':
      add('送达方式', d.method ? (SERVICE_METHODS as Record<string, string>)[String(d.method)] : null);
      add('邮件号', d.trackingNo);
      break;
    case 'transfer':
      add('接收单位', d.toUnitName);
      add('理由', d.reason);
      break;
    case 'note':
      add('备注', d.text);
      break;
    case 'assign':
      out.push(`经办人：${handlerName(typeof d.handlerId === 'string' ? d.handlerId : null)}`);
      break;
    default:
      add('理由', d.reason);
      add('说明', d.summary);
  }
  if (e.action === 'recomputeDeadline') {
    add('原期限', d.from);
    add('新期限', d.to);
  }
  return out;
}

/** The consultations started and not yet answered: what receiveConsultationAnswer may answer. */
export function openConsultations(events: ApplicationEvent[]): { id: string; label: string }[] {
  const open = new Map<string, string>();
  for (const e of events) {
    const id = String(e.data?.consultationId ?? '');
    if (e.action === 'startConsultation' && id) open.set(id, `${String(e.data?.party ?? '征求意见')}（${e.effectiveOn ?? ''} 发出，${KIND[String(e.data?.kind)] ?? ''}）`);
    if (e.action === 'receiveConsultationAnswer') open.delete(id);
  }
  return [...open].map(([id, label]) => ({ id, label }));
}
