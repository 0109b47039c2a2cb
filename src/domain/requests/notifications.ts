/**
 * Notifications to the applicant at each step (e-mail through SMTP). Called inside the transaction of the change
 * it reports, so the message is queued durably with it (an outbox, table mail_outbox) and sent after commit by
 * src/infra/outbox-sender.ts. Nothing is queued when the applicant gave no e-mail address.
 *
 * What a message never contains: the query code (only its hash exists, and mail is not a safe place for it), the
 * applicant's name, ID number, phone or address (the subject and body are stored in clear; only the recipient is
 * sealed). It names the receipt number and the progress page, where the applicant uses the code they kept.
 */
import { beijingDate, chineseDate, type CivilDate } from '../calendar/civil-date.js';
import type { Deps, Repos, Unit } from '../ports.js';
import { DELIVERY_METHODS, type Application, type ApplicantPersonalData, type ApplicationEvent } from './application.js';
import { CHANNELS } from './deadline.js';
import { OUTCOMES } from './outcome.js';
import { calendarForUnit } from './unit-calendar.js';

/** Internal steps (consultation, acceptance, fee bookkeeping, archiving) are not the applicant's news. */
const NOTIFIED = new Set(['register', 'confirmReceipt', 'requestCorrection', 'receiveCorrection', 'approveExtension', 'issueFeeNotice', 'reply', 'serve', 'transfer']);

const SERVICE_METHODS: Record<string, string> = { direct: '直接送达', post: '邮寄', email: '电子邮件', fax: '传真', online: '在线送达' };

export interface ApplicantMessage {
  subject: string;
  body: string;
}

interface Facts {
  app: Application;
  event: ApplicationEvent;
  unit: Unit;
  publicUrl: string;
  /** Computed only for the events that need it (correction period, fee payment period). */
  periodDue: CivilDate | null;
  suspendDuringFeeNotice: boolean;
}

const cn = (d: CivilDate | null | undefined): string => (d ? chineseDate(d) : '');
const excerpt = (s: string, n = 60): string => (s.length > n ? `${s.slice(0, n)}……` : s);

function replyDueSentence(app: Application): string {
  if (!app.replyDue) return '';
  const provisional = app.replyDueProvisional ? '（该日期所在年度的节假日安排尚未公布，此日期为临时推算，公布后可能调整）' : '';
  return `本机关将于${cn(app.replyDue)}前作出答复${provisional}。`;
}

/** The paragraph(s) particular to each step. Returns null for steps the applicant is not told about by mail. */
function eventText(f: Facts): { title: string; paragraphs: string[] } | null {
  const { app, event } = f;
  const no = app.receiptNo;
  const on = cn(event.effectiveOn);
  const d = event.data ?? {};
  switch (event.action) {
    case 'register':
      if (app.status === 'registered') {
        return {
          title: '您的政府信息公开申请已提交，待确认收到',
          paragraphs: [
            `您于${cn(beijingDate(Date.parse(event.at)))}通过互联网在线提交的政府信息公开申请已提交成功，受理编号为${no}。`,
            `根据《中华人民共和国政府信息公开条例》第三十一条第（三）项，通过互联网渠道提交的申请，以双方确认之日为收到申请之日。本机关政府信息公开工作机构将与您确认收到申请，确认后开始计算答复期限，届时将另行通知您。`,
          ],
        };
      }
      return {
        title: '已收到您的政府信息公开申请',
        paragraphs: [`本机关已于${cn(app.receivedOn)}收到您的政府信息公开申请，受理编号为${no}。${CHANNELS[app.channel].rule}。`, replyDueSentence(app)],
      };
    case 'confirmReceipt':
      return {
        title: '已确认收到您的政府信息公开申请',
        paragraphs: [
          `本机关已确认收到您的政府信息公开申请（受理编号${no}），收到申请之日为${cn(app.receivedOn)}。${CHANNELS[app.channel].rule}。`,
          `${replyDueSentence(app)}需要您补正申请内容、征求第三方或者其他机关意见、延长答复期限的，本机关将另行告知。`,
        ],
      };
    case 'requestCorrection':
      return {
        title: '政府信息公开申请补正告知',
        paragraphs: [
          `经审查，您的政府信息公开申请（受理编号${no}）内容不够明确。根据《条例》第三十条，现一次性告知您需要补正的事项：`,
          String(d.items ?? ''),
          `请于${cn(f.periodDue)}前（${Number(d.periodDays ?? 15)}个工作日内）向本机关提交补正后的申请，并注明受理编号。答复期限自本机关收到补正后的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。`,
        ],
      };
    case 'receiveCorrection':
      return {
        title: '已收到您补正后的申请',
        paragraphs: [`本机关已于${on}收到您补正后的政府信息公开申请（受理编号${no}）。根据《条例》第三十条，答复期限自收到补正后的申请之日起计算。`, replyDueSentence(app)],
      };
    case 'approveExtension':
      return {
        title: '政府信息公开申请延长答复期限告知',
        paragraphs: [
          `因需要延长答复期限，经本机关政府信息公开工作机构负责人同意，您的政府信息公开申请（受理编号${no}）的答复期限延长${Number(d.days ?? 0)}个工作日（《条例》第三十三条第二款）。`,
          app.replyDue ? `延长后的答复期限为${cn(app.replyDue)}。` : '',
        ],
      };
    case 'issueFeeNotice': {
      const basis = Array.isArray(d.explanation) ? `计算依据：${(d.explanation as unknown[]).map(String).join('；')}。` : '';
      return {
        title: '政府信息公开信息处理费缴费告知',
        paragraphs: [
          `您申请公开政府信息的数量、频次明显超过合理范围。根据《条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本机关对您的政府信息公开申请（受理编号${no}）收取信息处理费人民币${Number(d.amountYuan ?? 0)}元。${basis}`,
          `缴费方式以本机关出具的书面收费通知为准。请于${cn(f.periodDue)}前缴纳；逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。${f.suspendDuringFeeNotice ? '缴费期间不计算在答复期限内。' : ''}`,
        ],
      };
    }
    case 'reply': {
      const label = app.outcome ? OUTCOMES[app.outcome].label : '';
      return {
        title: '您的政府信息公开申请已作出答复',
        paragraphs: [
          `本机关已于${cn(app.repliedOn)}对您的政府信息公开申请（受理编号${no}）作出答复，处理结果为：${label}。`,
          `书面答复将按您选择的方式（${DELIVERY_METHODS[app.deliveryMethod]}）送达，答复内容及理由以书面答复为准。`,
          '您认为本机关在政府信息公开工作中侵犯您合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼（《条例》第五十一条）。',
        ],
      };
    }
    case 'serve':
      return {
        title: '政府信息公开申请答复送达告知',
        paragraphs: [`本机关对您的政府信息公开申请（受理编号${no}）所作的书面答复，已于${on}以${SERVICE_METHODS[String(d.method)] ?? '书面'}方式送达。如未收到，请与本机关联系。`],
      };
    case 'transfer': {
      const to = String(d.toUnitName ?? '');
      return {
        title: `您的政府信息公开申请已转${to}办理`,
        paragraphs: [
          `经审查，您申请公开的政府信息（受理编号${no}）不属于本机关负责公开。根据《条例》第三十六条第（五）项，负责公开该政府信息的行政机关为${to}，本机关已于${on}将您的申请转交该机关办理。`,
          `该机关将另行与您联系，您也可以直接向${to}咨询办理情况。`,
        ],
      };
    }
    default:
      return null;
  }
}

/** The whole message: the step's text, the request it concerns, where to follow it, whom to ask, and the signature. */
export function composeApplicantMessage(f: Facts): ApplicantMessage | null {
  const part = eventText(f);
  if (!part) return null;
  const { app, unit } = f;
  const contact = [unit.phone ? `电话 ${unit.phone}` : '', unit.email ? `电子邮箱 ${unit.email}` : ''].filter(Boolean).join('，');
  const office = unit.officeName ?? `${unit.name}政府信息公开工作机构`;
  const lines = [
    '尊敬的申请人：',
    ...part.paragraphs.filter((p) => p.trim()).map((p) => `　　${p}`),
    `　　受理编号：${app.receiptNo}`,
    `　　申请内容：${excerpt(app.description)}`,
    `　　您可以访问 ${f.publicUrl}/progress ，凭受理编号和提交申请时获得的查询码查询办理进度。为保护您的信息，本邮件不包含查询码。`,
  ];
  if (contact) lines.push(`　　如有疑问，请联系${office}（${contact}${unit.officeHours ? `；办公时间：${unit.officeHours}` : ''}）。`);
  lines.push('　　本邮件由系统自动发送，请勿直接回复。', '', unit.name, cn(beijingDate(Date.parse(f.event.at))));
  return { subject: `【${unit.name}】${part.title}（受理编号：${app.receiptNo}）`, body: lines.join('\n') + '\n' };
}

export async function enqueueApplicantNotification(deps: Deps, r: Repos, app: Application, event: ApplicationEvent): Promise<void> {
  if (!NOTIFIED.has(event.action)) return;
  const personal = JSON.parse(deps.secrets.open(app.applicantSealed)) as ApplicantPersonalData;
  const email = personal.email?.trim();
  if (!email) return;
  const unit = await r.units.get(app.unitId);
  if (!unit) return;
  let periodDue: CivilDate | null = null;
  if (event.action === 'requestCorrection' || event.action === 'issueFeeNotice') {
    // The same periods the clock and the transition rules use: correction (Art. 30), fee payment (109号).
    const cal = await calendarForUnit(deps, r, app.unitId);
    const from = event.effectiveOn ?? beijingDate(Date.parse(event.at));
    const days = event.action === 'requestCorrection' ? Number(event.data?.periodDays ?? 15) : deps.deadlineRules.feePaymentDays;
    periodDue = cal.addWorkingDays(from, days).due;
  }
  const message = composeApplicantMessage({ app, event, unit, publicUrl: deps.publicUrl, periodDue, suspendDuringFeeNotice: deps.deadlineRules.suspendDuringFeeNotice });
  if (!message) return;
  await r.outbox.insert({
    id: deps.newId(), applicationId: app.id, toSealed: deps.secrets.seal(email), subject: message.subject, bodyText: message.body,
    status: 'queued', attempts: 0, lastError: null, createdAt: event.at, sentAt: null, nextAttemptAt: event.at,
  });
}
