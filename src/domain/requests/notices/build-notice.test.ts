import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors.js';
import type { Application, ApplicationEvent, ReplyRecord } from '../application.js';
import { DEFAULT_RULES } from '../deadline.js';
import { OUTCOME_CODES, type Outcome } from '../outcome.js';
import { buildNotice, docNumber, yuanInCapitals, type NoticeFacts } from './build-notice.js';
import { noticeText, type NoticeKind } from './notice-model.js';
import { effectiveSettings, noticeSettingsInput } from './notice-settings.js';
import { replyTemplateKey } from './templates.js';

const unit = { name: '安澜市发展和改革局', shortName: '市发改局', phone: '0851-86222001', address: '安澜市府前大道88号' };
const app = (over: Partial<Application> = {}): Application => ({
  id: 'a1', unitId: 'u1', receiptNo: 'FGJ-2025-00012', queryCodeHash: 'h', status: 'replied', outcome: null, applicantType: 'natural',
  applicantSealed: 's', applicantMasked: '欧***', applicantKey: 'k', description: '2025年度城区道路改造项目的立项批复文件。', documentNo: null,
  provisionForm: 'paper', deliveryMethod: 'post', channel: 'online', receiptEvidence: null, receivedOn: '2025-03-03',
  correctionRequestedOn: null, correctionReceivedOn: null, replyDue: null, replyDueProvisional: false, calendarVersion: null,
  repliedOn: null, servedOn: null, serviceMethod: null, handlerId: null, duplicateOf: null, transferredTo: null, transferredFrom: null,
  reply: null, createdAt: '2025-03-03T01:00:00Z', updatedAt: '2025-03-03T01:00:00Z', ...over,
});
const event = (seq: number, action: string, effectiveOn: string, data: Record<string, unknown> | null = null): ApplicationEvent => ({
  id: `e${seq}`, applicationId: 'a1', seq, action, fromStatus: null, toStatus: 'inProgress', effectiveOn, at: `${effectiveOn}T02:00:00Z`, actorId: null, actorName: null, data,
});
const facts = (kind: NoticeKind, over: Partial<NoticeFacts> = {}): NoticeFacts => ({
  kind, application: app(), events: [], unit, applicant: { name: '欧阳明月', address: '府前大道100号' }, settings: effectiveSettings(unit, []),
  rules: DEFAULT_RULES, dues: { atReceipt: '2025-03-31', beforeExtension: null, afterExtension: null, provisional: false }, ...over,
});
const replied = (reply: ReplyRecord, over: Partial<Application> = {}) => facts('reply', { application: app({ reply, outcome: reply.outcome, repliedOn: '2025-04-20', ...over }) });

describe('yuanInCapitals (大写金额)', () => {
  it.each([
    [0, '零元整'], [8, '捌元整'], [10, '壹拾元整'], [100, '壹佰元整'], [1007, '壹仟零柒元整'], [1700, '壹仟柒佰元整'],
    [10000, '壹万元整'], [10010, '壹万零壹拾元整'], [100100, '壹拾万零壹佰元整'], [2_000_500, '贰佰万零伍佰元整'], [100_000_000, '壹亿元整'],
  ])('%i → %s', (n, s) => expect(yuanInCapitals(n)).toBe(s));
});

describe('docNumber (文号)', () => {
  it('takes the year and serial from the receipt number and marks the kind', () => {
    expect(docNumber('安发改依申请', 'reply', 'FGJ-2025-00012', '2025-04-20')).toBe('安发改依申请〔2025〕12号');
    expect(docNumber('安发改依申请', 'correction', 'FGJ-2025-00012', '2025-03-05')).toBe('安发改依申请补〔2025〕12号');
    expect(docNumber('安教依申请', 'reply', 'FGJ-2025-00012-Z', '2025-04-20')).toBe('安教依申请〔2025〕12号');
  });
});

describe('buildNotice', () => {
  it('a receipt states the channel rule and the due date, with the address but never a query code', () => {
    const doc = buildNotice(facts('receipt'));
    const text = noticeText(doc);
    expect(doc.title).toEqual(['安澜市发展和改革局', '政府信息公开申请登记回执']);
    expect(doc.docNo).toBe('受理编号：FGJ-2025-00012');
    expect(text).toContain('以双方确认之日为收到申请之日');
    expect(text).toContain('即2025年3月31日前');
    expect(text).toContain('府前大道100号');
    expect(text).not.toMatch(/查询码[:：]?\s*\d/);
    // No 文号 of the information was given: that row is left out rather than printed empty.
    const table = doc.blocks.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.rows.map((r) => r.label)).not.toContain('信息文号');
    expect(doc.signature).toEqual({ unitName: '安澜市发展和改革局', date: '2025年3月3日', seal: '（印章）' });
  });

  it('refuses a receipt before receipt is confirmed, and notices whose step has not happened', () => {
    const cases: [NoticeKind, string][] = [['correction', '告知补正'], ['extension', '负责人批准'], ['thirdParty', '征求第三方意见'], ['fee', '收费通知'], ['reply', '作出答复']];
    expect(() => buildNotice(facts('receipt', { application: app({ receivedOn: null }) }))).toThrow(/尚未确认收到/);
    for (const [kind, message] of cases) {
      try {
        buildNotice(facts(kind));
        expect.unreachable(kind);
      } catch (e) {
        expect(e).toBeInstanceOf(DomainError);
        expect((e as DomainError).code).toBe('INVALID_STATE');
        expect((e as DomainError).message).toContain(message);
      }
    }
  });

  it('a correction notice lists each item on its own line and gives the period', () => {
    const doc = buildNotice(facts('correction', { events: [event(2, 'requestCorrection', '2025-03-05', { items: '1. 请明确项目名称\n2. 请明确所需文件的年份' })] }));
    const paragraphs = doc.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
    expect(paragraphs).toContain('1. 请明确项目名称');
    expect(paragraphs).toContain('2. 请明确所需文件的年份');
    expect(noticeText(doc)).toContain('15个工作日内');
    expect(doc.issuedOn).toBe('2025-03-05');
  });

  it('a fee notice states method, basis, amount in capitals and the payment period', () => {
    const doc = buildNotice(facts('fee', { events: [event(3, 'issueFeeNotice', '2025-04-03', { method: 'perApplication', amountYuan: 100, explanation: ['同一申请人本自然月第12件申请：第11–30件，每件100元', '本件应收 100 元'] })] }));
    const text = noticeText(doc);
    expect(text).toContain('按件计收');
    expect(text).toContain('第11–30件，每件100元；本件应收 100 元。');
    expect(text).toContain('100元（大写：壹佰元整）');
    expect(text).toContain('20个工作日内缴纳');
    expect(text).toContain('不计算在答复期限内');
    expect(noticeText(buildNotice({ ...facts('fee', { events: [event(3, 'issueFeeNotice', '2025-04-03', { method: 'perApplication', amountYuan: 100 })] }), rules: { ...DEFAULT_RULES, suspendDuringFeeNotice: false } }))).not.toContain('不计算在答复期限内');
  });

  it('every outcome has a reply notice that cites its article and states the remedies', () => {
    for (const outcome of OUTCOME_CODES) {
      const reply: ReplyRecord = { outcome, ...(outcome === 'partiallyDisclosed' ? { withheld: [{ what: '商业报价明细', ground: 'withheldThirdParty' as Outcome }] } : {}) };
      const doc = buildNotice(replied(reply, { correctionRequestedOn: '2025-03-05' }));
      const text = noticeText(doc);
      expect(doc.templateKey, outcome).toBe(replyTemplateKey(outcome, reply));
      expect(text, outcome).toContain('60日内向上一级行政机关或者本级人民政府申请行政复议');
      expect(text, outcome).toContain('6个月内向有管辖权的人民法院提起行政诉讼');
      expect(text, outcome).toMatch(/《条例》第|信息处理费管理办法》第|依法对您的申请作出处理/);
      expect(text, outcome).not.toContain('{{');
      expect(doc.docNo, outcome).toBe('市发改局依申请〔2025〕12号');
    }
  });

  it('names what is withheld and why (Art. 37), the competent agency (Art. 36(五)) and the earlier application (Art. 36(六))', () => {
    const partial = noticeText(buildNotice(replied({ outcome: 'partiallyDisclosed', withheld: [{ what: '商业报价明细。', ground: 'withheldThirdParty' }, { what: '内部讨论记录', ground: 'withheldProcessInfo' }] })));
    expect(partial).toContain('“商业报价明细”涉及商业秘密、个人隐私等，公开后可能损害第三方合法权益，根据《条例》第十五条的规定不予公开；“内部讨论记录”');
    expect(partial).toContain('《条例》第十六条第二款');
    const elsewhere = noticeText(buildNotice(replied({ outcome: 'unavailableNotHeld', competentAgency: '安澜市教育局' })));
    expect(elsewhere).toContain('由安澜市教育局负责公开');
    expect(noticeText(buildNotice(replied({ outcome: 'unavailableNotHeld' })))).toContain('告知您该政府信息不存在');
    const repeated = noticeText(buildNotice({ ...replied({ outcome: 'notProcessedRepeated' }), duplicateOfReceiptNo: 'FGJ-2025-00003' }));
    expect(repeated).toContain('内容相同（原受理编号：FGJ-2025-00003）');
    expect(noticeText(buildNotice(replied({ outcome: 'disclosed', publishedAt: '本机关门户网站“政府信息公开”专栏' })))).toContain('第三十六条第（一）项');
  });

  it('a third-party letter is addressed to the third party and does not identify the applicant', () => {
    const doc = buildNotice(facts('thirdParty', { events: [event(4, 'startConsultation', '2025-03-12', { kind: 'thirdParty', party: '安澜市城建投资有限公司', consultationId: 'c1' })] }));
    expect(doc.addressee).toBe('安澜市城建投资有限公司：');
    expect(noticeText(doc)).not.toContain('欧阳明月');
    expect(noticeText(doc)).toContain('申请公开的上述信息可能涉及贵方');
  });
});

describe('notice settings', () => {
  it('refuses unknown placeholders and placeholders of another kind, naming the usable ones', () => {
    const r = noticeSettingsInput.safeParse({ templates: { correction: { body: ['{{补正事项}}', '{{收费金额}}'] }, receipt: { title: ['{{查询码}}'] } } });
    expect(r.success).toBe(false);
    const messages = r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    expect(messages.some((m) => m.startsWith('templates.correction.body.1: 占位符{{收费金额}}不适用于此类告知书'))).toBe(true);
    expect(messages.some((m) => m.startsWith('templates.receipt.title.0: 未知的占位符{{查询码}}') && m.includes('{{受理编号}}'))).toBe(true);
  });

  it('inherits wording, court and periods from the units above, never their 文号 prefix or reconsideration body', () => {
    const county = { docNoPrefix: '安府办依申请', reconsiderationBody: '黔南州人民政府', court: '安澜市人民法院', correctionPeriodDays: 10, templates: { 'reply.withhold': { notes: ['（联系人：政务公开办）'] } } };
    const s = effectiveSettings(unit, [undefined, county]);
    expect(s.docNoPrefix).toBe('市发改局依申请');
    expect(s.reconsiderationBody).toBe('上一级行政机关或者本级人民政府');
    expect(s.court).toBe('安澜市人民法院');
    expect(s.correctionPeriodDays).toBe(10);
    expect(s.templates['reply.withhold'].notes).toEqual(['（联系人：政务公开办）']);
    expect(s.templates['reply.withhold'].body).toEqual(effectiveSettings(unit, []).templates['reply.withhold'].body);
    const own = effectiveSettings(unit, [{ docNoPrefix: '安发改依申请', sealPlaceholder: '' }, county]);
    expect(own.docNoPrefix).toBe('安发改依申请');
    expect(own.sealPlaceholder).toBe('');
  });
});
