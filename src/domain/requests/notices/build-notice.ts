/**
 * From an application, its events and reply, the unit and its templates to the document model of one notice.
 * Pure: the caller decrypts the applicant's name and address, computes the due dates with the clock, and loads
 * the unit's settings. A notice that has nothing to say yet (a correction notice before any correction was
 * asked for) is refused with a message saying what to do first.
 */
import { chineseDate, type CivilDate } from '../../calendar/civil-date.js';
import { DomainError } from '../../errors.js';
import type { Unit } from '../../ports.js';
import { DELIVERY_METHODS, PROVISION_FORMS, type Application, type ApplicationEvent } from '../application.js';
import { CHANNELS, type DeadlineRules } from '../deadline.js';
import { OUTCOMES, type Outcome } from '../outcome.js';
import type { NoticeBlock, NoticeDocument, NoticeKind } from './notice-model.js';
import { PLACEHOLDER_RE, type EffectiveNoticeSettings } from './notice-settings.js';
import { NOT_PROCESSED_REASONS, WITHHOLD_REASONS, allowedPlaceholders, replyTemplateKey, type TemplateKey } from './templates.js';

export interface NoticeFacts {
  kind: NoticeKind;
  application: Application;
  events: ApplicationEvent[];
  unit: Pick<Unit, 'name' | 'shortName' | 'phone' | 'address'>;
  /** Decrypted by the caller; never stored outside the rendered documents. */
  applicant: { name: string; address?: string | undefined; postcode?: string | undefined };
  settings: EffectiveNoticeSettings;
  rules: DeadlineRules;
  /** Due dates from the statutory clock (application-clock.ts). */
  dues: {
    /** The reply due date as it stood on receipt (for the 登记回执). */
    atReceipt: CivilDate | null;
    /** Before and after the approved extension (for the 延期答复告知书). */
    beforeExtension: CivilDate | null;
    afterExtension: CivilDate | null;
    provisional: boolean;
  };
  /** The receipt number of the earlier application this one repeats (Art. 36(六)). */
  duplicateOfReceiptNo?: string | null | undefined;
}

/** Marks in the 文号 that tell the notices of one application apart; the reply carries the plain number. */
const DOC_NO_MARK: Record<NoticeKind, string> = { receipt: '', correction: '补', extension: '延', thirdParty: '征', fee: '费', reply: '' };

const refuse = (message: string) => new DomainError('INVALID_STATE', message);
const lastEvent = (events: ApplicationEvent[], action: string, pred: (e: ApplicationEvent) => boolean = () => true) =>
  [...events].reverse().find((e) => e.action === action && pred(e));
const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
/** A value placed inside a sentence: one line, no closing punctuation of its own. */
const inline = (v: unknown) => str(v).replace(/\s+/g, ' ').trim().replace(/[。；;，,.、\s]+$/u, '');
/** A value that is a sentence of its own: ends with 。 */
const sentence = (v: unknown) => {
  const s = str(v).trim();
  return s && !/[。！？；：.!?]$/u.test(s) ? `${s}。` : s;
};
const cn = (d: CivilDate | null | undefined) => (d ? chineseDate(d) : '');

/** 文号: 机关代字〔年份〕序号, the serial taken from the receipt number (FGJ-2025-00003 → 〔2025〕3号). */
export function docNumber(prefix: string, kind: NoticeKind, receiptNo: string, issuedOn: CivilDate): string {
  const m = /-(\d{4})-0*(\d+)/.exec(receiptNo);
  const year = m ? m[1] : issuedOn.slice(0, 4);
  const serial = m ? m[2] : receiptNo;
  return `${prefix}${DOC_NO_MARK[kind]}〔${year}〕${serial}号`;
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const UNITS = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿', '万亿'];
/** Whole yuan in capitals as on a payment notice: 1700 → 壹仟柒佰元整, 100100 → 壹拾万零壹佰元整. */
export function yuanInCapitals(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError('amount must be a whole number of yuan');
  if (amount === 0) return '零元整';
  const s = String(amount);
  let out = '';
  let zeroPending = false;
  for (let i = 0; i < s.length; i++) {
    const d = Number(s[i]);
    const pos = s.length - 1 - i;
    if (d === 0) zeroPending = true;
    else {
      if (zeroPending && out) out += '零';
      zeroPending = false;
      out += `${DIGITS[d]}${UNITS[pos % 4]}`;
    }
    // At the end of a group of four, name the group (万, 亿) if any of its digits is not zero.
    if (pos % 4 === 0 && pos > 0 && /[1-9]/.test(s.slice(Math.max(0, i - 3), i + 1))) out += GROUPS[pos / 4];
  }
  return `${out}元整`;
}

function withheldReason(ground: Outcome): string {
  return WITHHOLD_REASONS[ground] ?? OUTCOMES[ground].label.replace(/^[^：]*：/, '');
}

export function buildNotice(f: NoticeFacts): NoticeDocument {
  const { application: app, events, settings, rules } = f;
  const v: Record<string, string> = {
    申请人: f.applicant.name.trim(),
    单位名称: f.unit.name,
    受理编号: app.receiptNo,
    收到日期: cn(app.receivedOn),
    申请内容: inline(app.description),
    申请渠道: CHANNELS[app.channel].label,
    联系电话: f.unit.phone ?? '',
    办公地址: f.unit.address ?? '',
    提供形式: PROVISION_FORMS[app.provisionForm],
    获取方式: DELIVERY_METHODS[app.deliveryMethod],
  };
  let key: TemplateKey;
  let issuedOn: CivilDate;
  let addressee = `${v.申请人}：`;
  const due = (d: CivilDate | null) => (d ? `${chineseDate(d)}${f.dues.provisional ? '（次年节假日安排公布后如有变化，以重新计算的日期为准）' : ''}` : '');

  switch (f.kind) {
    case 'receipt': {
      if (!app.receivedOn) throw refuse('该申请尚未确认收到（《条例》第三十一条），请先确认收到申请，再出具登记回执');
      key = 'receipt';
      issuedOn = app.receivedOn;
      Object.assign(v, {
        渠道规则: inline(CHANNELS[app.channel].rule), 答复期限: due(f.dues.atReceipt), 答复工作日: String(rules.replyDays),
        最长延期工作日: String(rules.maxExtensionDays), 补正告知工作日: String(rules.correctionNoticeDays),
        通信地址: [f.applicant.address?.trim(), f.applicant.postcode ? `（邮政编码：${f.applicant.postcode}）` : ''].filter(Boolean).join(''),
        信息文号: app.documentNo ?? '',
      });
      break;
    }
    case 'correction': {
      const e = lastEvent(events, 'requestCorrection');
      if (!e?.effectiveOn) throw refuse('该申请尚未“告知补正”，请先在办理操作中登记需要补正的事项，再生成补正告知书（《条例》第三十条）');
      key = 'correction';
      issuedOn = e.effectiveOn;
      Object.assign(v, { 补正事项: str(e.data?.items).trim(), 补正期限: `${settings.correctionPeriodDays}个工作日`, 补正告知日期: cn(e.effectiveOn) });
      break;
    }
    case 'extension': {
      const e = lastEvent(events, 'approveExtension');
      if (!e?.effectiveOn) throw refuse('延长答复期限尚未经政府信息公开工作机构负责人批准，不能出具延期答复告知书（《条例》第三十三条第二款）');
      const req = lastEvent(events.filter((x) => x.seq < e.seq), 'requestExtension');
      key = 'extension';
      issuedOn = e.effectiveOn;
      Object.assign(v, { 延期理由: inline(req?.data?.reason) || '情况复杂', 延长天数: str(e.data?.days ?? req?.data?.days), 原答复期限: cn(f.dues.beforeExtension), 答复期限: due(f.dues.afterExtension) });
      break;
    }
    case 'thirdParty': {
      const e = lastEvent(events, 'startConsultation', (x) => x.data?.kind === 'thirdParty');
      if (!e?.effectiveOn) throw refuse('该申请没有征求第三方意见的记录，请先登记“征求第三方意见”，再生成征求第三方意见书（《条例》第三十二条）');
      key = 'thirdParty';
      issuedOn = e.effectiveOn;
      addressee = `${inline(e.data?.party)}：`;
      const matter = inline(e.data?.matter);
      Object.assign(v, { 第三方: inline(e.data?.party), 征求事项: matter ? `申请公开的信息中“${matter}”部分` : '申请公开的上述信息', 意见期限: `${rules.consultationAnswerDays}个工作日` });
      break;
    }
    case 'fee': {
      const e = lastEvent(events, 'issueFeeNotice');
      if (!e?.effectiveOn) throw refuse('该申请尚未“发出收费通知”，请先在办理操作中登记收费金额和依据，再生成收费通知书（国办函〔2020〕109号）');
      key = 'fee';
      issuedOn = e.effectiveOn;
      const amount = Number(e.data?.amountYuan);
      Object.assign(v, {
        计收方式: e.data?.method === 'perVolume' ? '按量计收' : '按件计收',
        // The transition records the computation band by band (fees.ts); older events carry a typed basis.
        收费依据: sentence(Array.isArray(e.data?.explanation) ? (e.data.explanation as unknown[]).map(inline).join('；') : e.data?.basis),
        收费金额: `${amount}元（大写：${yuanInCapitals(amount)}）`, 缴费方式: sentence(settings.paymentMethod),
        缴费期限: `${rules.feePaymentDays}个工作日`, 收费通知日期: cn(e.effectiveOn),
        计时说明: rules.suspendDuringFeeNotice ? '自本通知书发出之日起至您缴纳费用之日止的期间，不计算在答复期限内。' : '',
      });
      break;
    }
    case 'reply': {
      const r = app.reply;
      if (!r || !app.repliedOn) throw refuse('该申请尚未作出答复，请先在办理操作中登记答复结果，再生成答复告知书');
      key = replyTemplateKey(r.outcome, r);
      issuedOn = app.repliedOn;
      const fee = lastEvent(events, 'issueFeeNotice');
      const notProcessed = NOT_PROCESSED_REASONS[r.outcome] ?? '';
      Object.assign(v, {
        依据条款: OUTCOMES[r.outcome].article || '《条例》',
        提供说明: app.provisionForm === 'viewing' ? '请您持本告知书和有效身份证件到本机关政府信息公开工作机构查阅' : `现以${PROVISION_FORMS[app.provisionForm]}形式向您提供，详见附件`,
        公开途径: inline(r.publishedAt),
        不予公开内容: (r.withheld ?? []).map((w) => `“${inline(w.what)}”${withheldReason(w.ground)}，根据${OUTCOMES[w.ground].article || '《条例》'}的规定不予公开`).join('；'),
        不予公开理由: WITHHOLD_REASONS[r.outcome] ?? '',
        主管机关: inline(r.competentAgency),
        不予处理情形: notProcessed.replace('{{原申请编号}}', f.duplicateOfReceiptNo ? `（原受理编号：${f.duplicateOfReceiptNo}）` : ''),
        原申请编号: f.duplicateOfReceiptNo ?? '',
        补正告知日期: cn(app.correctionRequestedOn),
        收费通知日期: cn(fee?.effectiveOn),
        备注: sentence(r.remarks) || (key === 'reply.other' ? '本机关已依法对您的申请作出处理。' : ''),
        复议机关: settings.reconsiderationBody,
        人民法院: settings.court,
      });
      break;
    }
  }
  v.成文日期 = chineseDate(issuedOn);

  const template = settings.templates[key];
  const allowed = allowedPlaceholders(f.kind);
  const fill = (t: string): string | null => {
    let empty = false;
    const out = t.replace(PLACEHOLDER_RE, (_m, name: string) => {
      if (!allowed.includes(name)) throw new DomainError('VALIDATION', `告知书模板中的占位符{{${name}}}不适用于${template.shortName}，请修改本单位的告知书模板`);
      const value = v[name] ?? '';
      if (!value) empty = true;
      return value;
    });
    return empty ? null : out;
  };
  const blocks: NoticeBlock[] = [];
  for (const b of template.body) {
    if (typeof b === 'string') {
      // A paragraph may hold several lines (e.g. the items to correct): each becomes a paragraph.
      for (const line of (fill(b) ?? '').split(/\n+/)) if (line.trim()) blocks.push({ type: 'paragraph', text: line.trim() });
    } else {
      const rows = b.table.flatMap(([label, value]) => {
        const filled = fill(value);
        return filled ? [{ label: fill(label) ?? label, value: filled }] : [];
      });
      if (rows.length) blocks.push({ type: 'table', rows });
    }
  }
  return {
    kind: f.kind,
    templateKey: key,
    shortName: template.shortName,
    title: template.title.map(fill).filter((l): l is string => !!l),
    docNo: f.kind === 'receipt' ? `受理编号：${app.receiptNo}` : docNumber(settings.docNoPrefix, f.kind, app.receiptNo, issuedOn),
    addressee,
    blocks,
    signature: { unitName: f.unit.name, date: chineseDate(issuedOn), seal: settings.sealPlaceholder },
    notes: template.notes.map(fill).filter((l): l is string => !!l),
    receiptNo: app.receiptNo,
    issuedOn,
  };
}
