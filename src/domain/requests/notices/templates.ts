/**
 * The default texts of the notices (告知书), as data. A unit may replace the title, body or 附注 of any template
 * (notice-settings.ts); the renderers never hold text of their own. Placeholders are written {{名称}}; a
 * paragraph in which any placeholder is empty is left out, which is how optional sentences are expressed.
 * Each text cites the provision of the Regulation (《中华人民共和国政府信息公开条例》, "《条例》") it applies.
 */
import type { Outcome } from '../outcome.js';
import type { NoticeKind } from './notice-model.js';

export type TemplateBlock = string | { table: [label: string, value: string][] };

export interface NoticeTemplate {
  kind: NoticeKind;
  /** Used in file names and lists; fixed per template so stored notices stay recognisable. */
  shortName: string;
  /** Title lines. */
  title: string[];
  body: TemplateBlock[];
  notes: string[];
}

export const TEMPLATE_KEYS = [
  'receipt', 'correction', 'extension', 'thirdParty', 'fee',
  'reply.disclosed', 'reply.published', 'reply.partial', 'reply.withhold', 'reply.queryMatter', 'reply.notHeld', 'reply.notCompetent',
  'reply.needsCreation', 'reply.stillUnclear', 'reply.notProcessed', 'reply.noCorrection', 'reply.feeUnpaid', 'reply.other',
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

/** What each placeholder stands for: shown to whoever edits a template. */
export const PLACEHOLDERS: Record<string, string> = {
  申请人: '申请人姓名或名称',
  单位名称: '作出告知的行政机关全称',
  受理编号: '申请的受理编号',
  收到日期: '收到申请之日（《条例》第三十一条）',
  申请内容: '申请公开的政府信息名称或内容描述',
  申请渠道: '提交申请的渠道',
  联系电话: '本机关政府信息公开工作机构电话',
  办公地址: '本机关政府信息公开工作机构地址',
  成文日期: '告知书的成文日期',
  渠道规则: '该渠道收到申请之日的确定规则',
  答复期限: '答复期限届满之日',
  答复工作日: '法定答复期限（工作日数）',
  最长延期工作日: '最长可延长的工作日数',
  补正告知工作日: '告知补正的期限（工作日数）',
  通信地址: '申请人通信地址',
  信息文号: '申请人填写的所需信息的文号',
  提供形式: '申请人要求的信息提供形式',
  提供说明: '如何向申请人提供信息（按提供形式生成）',
  获取方式: '申请人选择的获取信息方式',
  补正事项: '需要补正的事项',
  补正期限: '给予申请人的补正期限',
  补正告知日期: '告知补正之日',
  延期理由: '延长答复期限的理由',
  延长天数: '延长的工作日数',
  原答复期限: '延长前的答复期限',
  第三方: '被征求意见的第三方',
  征求事项: '可能涉及第三方权益的内容',
  意见期限: '第三方提出意见的期限',
  计收方式: '按件计收或按量计收',
  收费依据: '收费依据和计算过程',
  收费金额: '应缴金额（含大写）',
  缴费期限: '缴费期限',
  缴费方式: '缴费方式和途径',
  计时说明: '缴费期间答复期限如何计算',
  收费通知日期: '发出收费通知之日',
  依据条款: '答复所依据的《条例》条款',
  公开途径: '已主动公开信息的获取途径',
  不予公开内容: '部分公开时不予公开的内容及理由',
  不予公开理由: '不予公开的理由',
  主管机关: '负责公开该信息的机关',
  不予处理情形: '不予处理的情形及依据',
  原申请编号: '重复申请对应的原受理编号',
  备注: '答复时填写的说明',
  复议机关: '行政复议机关',
  人民法院: '行政诉讼管辖法院',
};

const COMMON = ['申请人', '单位名称', '受理编号', '收到日期', '申请内容', '申请渠道', '联系电话', '办公地址', '成文日期'];
const REPLY = [...COMMON, '依据条款', '提供形式', '提供说明', '获取方式', '公开途径', '不予公开内容', '不予公开理由', '主管机关', '不予处理情形', '原申请编号', '补正告知日期', '收费通知日期', '备注', '复议机关', '人民法院'];
const ALLOWED: Record<NoticeKind, string[]> = {
  receipt: [...COMMON, '渠道规则', '答复期限', '答复工作日', '最长延期工作日', '补正告知工作日', '通信地址', '信息文号', '提供形式', '获取方式'],
  correction: [...COMMON, '补正事项', '补正期限', '补正告知日期'],
  extension: [...COMMON, '延期理由', '延长天数', '原答复期限', '答复期限'],
  thirdParty: [...COMMON, '第三方', '征求事项', '意见期限'],
  fee: [...COMMON, '计收方式', '收费依据', '收费金额', '缴费期限', '缴费方式', '计时说明', '收费通知日期'],
  reply: REPLY,
};
export const allowedPlaceholders = (kind: NoticeKind): readonly string[] => ALLOWED[kind];

// 行政复议法第二十条 (60 days) and 行政诉讼法第四十六条 (6 months); the bodies are configurable per unit.
const REMEDIES = '如对本答复不服，可以在收到本答复之日起60日内向{{复议机关}}申请行政复议，或者在6个月内向{{人民法院}}提起行政诉讼。';
const RECEIVED = '本机关于{{收到日期}}收到您提出的政府信息公开申请（受理编号：{{受理编号}}），申请获取“{{申请内容}}”。';
const CONTACT = ['（联系电话：{{联系电话}}；地址：{{办公地址}}）'];
const UNIT_TITLE = (t: string) => ['{{单位名称}}', t];
const reply = (shortName: string, title: string, paragraphs: string[], remarks = '{{备注}}'): NoticeTemplate => ({
  kind: 'reply', shortName, title: UNIT_TITLE(title), body: [RECEIVED, ...paragraphs, ...(remarks ? [remarks] : []), REMEDIES], notes: CONTACT,
});

export const DEFAULT_TEMPLATES: Record<TemplateKey, NoticeTemplate> = {
  receipt: {
    kind: 'receipt', shortName: '登记回执', title: UNIT_TITLE('政府信息公开申请登记回执'),
    body: [
      '本机关于{{收到日期}}收到您提交的政府信息公开申请（申请渠道：{{申请渠道}}），已予登记，受理编号为{{受理编号}}。依照规定，{{渠道规则}}。',
      { table: [['受理编号', '{{受理编号}}'], ['申请人', '{{申请人}}'], ['通信地址', '{{通信地址}}'], ['所需信息', '{{申请内容}}'], ['信息文号', '{{信息文号}}'], ['提供形式', '{{提供形式}}'], ['获取方式', '{{获取方式}}'], ['收到申请日期', '{{收到日期}}'], ['答复期限', '{{答复期限}}前']] },
      '根据《条例》第三十三条的规定，本机关将自收到申请之日起{{答复工作日}}个工作日内（即{{答复期限}}前）作出答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知您，延长的期限最长不超过{{最长延期工作日}}个工作日。征求第三方和其他机关意见所需时间不计算在答复期限内。',
      '申请内容不明确的，本机关将自收到申请之日起{{补正告知工作日}}个工作日内一次性告知您需要补正的事项，答复期限自收到补正后的申请之日起计算（《条例》第三十条）。',
      '您可以凭受理编号和登记时告知的查询码查询办理进度。为保护您的个人信息，本回执不载明查询码，请妥善保管。',
    ],
    notes: CONTACT,
  },
  correction: {
    kind: 'correction', shortName: '补正告知书', title: UNIT_TITLE('政府信息公开申请补正告知书'),
    body: [
      RECEIVED,
      '经审查，您的申请内容不够明确，本机关无法据此确定您所需要的政府信息。根据《条例》第三十条的规定，现一次性告知您对以下事项作出补正：',
      '{{补正事项}}',
      '请您自收到本告知书之日起{{补正期限}}内，将补正后的申请提交本机关（可通过原申请渠道提交）。答复期限自本机关收到补正后的申请之日起计算。',
      '您无正当理由逾期不补正的，视为放弃申请，本机关将不再处理该政府信息公开申请。',
      '特此告知。',
    ],
    notes: CONTACT,
  },
  extension: {
    kind: 'extension', shortName: '延期答复告知书', title: UNIT_TITLE('政府信息公开申请延期答复告知书'),
    body: [
      RECEIVED,
      '因{{延期理由}}，本机关不能在{{原答复期限}}前作出答复。根据《条例》第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长{{延长天数}}个工作日，本机关将于{{答复期限}}前作出答复。',
      '征求第三方和其他机关意见所需时间不计算在答复期限内（《条例》第三十三条第三款）。',
      '特此告知。',
    ],
    notes: CONTACT,
  },
  thirdParty: {
    // Addressed to the third party: it names neither the applicant nor anything that identifies them.
    kind: 'thirdParty', shortName: '征求第三方意见书', title: UNIT_TITLE('政府信息公开征求第三方意见书'),
    body: [
      '本机关于{{收到日期}}收到一件政府信息公开申请（受理编号：{{受理编号}}），申请获取“{{申请内容}}”。',
      '经审查，{{征求事项}}可能涉及贵方商业秘密、个人隐私等合法权益，公开后可能损害贵方合法权益。根据《条例》第三十二条的规定，现书面征求贵方意见。',
      '请贵方自收到本意见书之日起{{意见期限}}内，以书面形式向本机关提出是否同意公开的意见；不同意公开的，请说明理由并提供相关依据。',
      '贵方逾期未提出意见的，由本机关依照《条例》的规定决定是否公开。第三方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知贵方。',
      '特此函询。',
    ],
    notes: CONTACT,
  },
  fee: {
    kind: 'fee', shortName: '收费通知书', title: UNIT_TITLE('政府信息公开信息处理费收费通知书'),
    body: [
      RECEIVED,
      '经审查，您申请公开政府信息的数量、频次明显超过合理范围。根据《条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关决定{{计收方式}}信息处理费。',
      '收费依据和计算过程：{{收费依据}}',
      '应缴金额：人民币{{收费金额}}。',
      '缴费方式：{{缴费方式}}',
      '请您自收到本通知书之日的次日起{{缴费期限}}内缴纳。逾期未缴纳的，视为放弃申请，本机关将不再处理该政府信息公开申请。',
      '{{计时说明}}',
      '特此通知。',
    ],
    notes: CONTACT,
  },
  'reply.disclosed': reply('予以公开告知书', '政府信息予以公开告知书', [
    '经审查，您申请获取的政府信息属于公开范围。根据{{依据条款}}的规定，本机关予以公开，{{提供说明}}。',
  ]),
  'reply.published': reply('予以公开告知书', '政府信息予以公开告知书', [
    '经审查，您申请获取的政府信息已经主动公开。根据《条例》第三十六条第（一）项的规定，现告知您获取该政府信息的方式和途径：{{公开途径}}。',
  ]),
  'reply.partial': reply('部分公开告知书', '政府信息部分公开告知书', [
    '经审查，您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理。根据{{依据条款}}的规定，本机关对可以公开的部分予以公开，{{提供说明}}。',
    '其中，{{不予公开内容}}。',
  ]),
  'reply.withhold': reply('不予公开告知书', '政府信息不予公开告知书', [
    '经审查，您申请获取的政府信息{{不予公开理由}}。根据{{依据条款}}的规定，本机关决定不予公开。',
  ]),
  // Art. 36(七): counted in table 三 as 不予公开, but the reply points to the special procedure.
  'reply.queryMatter': reply('答复告知书', '政府信息公开申请答复告知书', [
    '经审查，您申请获取的信息属于工商、不动产登记资料等有关法律、行政法规对信息的获取有特别规定的信息。根据{{依据条款}}的规定，请您依照有关法律、行政法规的规定办理。',
  ]),
  'reply.notHeld': reply('信息不存在告知书', '政府信息不存在告知书', [
    '经本机关认真检索查找，本机关未制作或者获取您申请公开的政府信息。根据《条例》第三十六条第（四）项的规定，告知您该政府信息不存在。',
  ]),
  'reply.notCompetent': reply('非本机关负责公开告知书', '非本机关负责公开政府信息告知书', [
    '经审查，您申请获取的政府信息不属于本机关负责公开。根据《条例》第三十六条第（五）项的规定，告知您该政府信息由{{主管机关}}负责公开，您可以向该机关提出申请。',
  ]),
  'reply.needsCreation': reply('无法提供告知书', '政府信息无法提供告知书', [
    '经审查，本机关没有您所申请的现成信息，需要对现有政府信息进行加工、分析方能形成。根据{{依据条款}}的规定，本机关不予提供。',
  ]),
  'reply.stillUnclear': reply('无法提供告知书', '政府信息无法提供告知书', [
    '本机关已于{{补正告知日期}}告知您对申请内容作出补正。',
    '经审查，您补正后的申请内容仍不明确，本机关无法据此确定您所需要的政府信息。根据{{依据条款}}的规定，本机关无法向您提供。',
  ]),
  'reply.notProcessed': reply('不予处理告知书', '政府信息公开申请不予处理告知书', ['经审查，{{不予处理情形}}。']),
  'reply.noCorrection': reply('不再处理告知书', '政府信息公开申请不再处理告知书', [
    '本机关已于{{补正告知日期}}向您发出补正告知书，告知您在规定期限内对申请内容作出补正。',
    '您无正当理由逾期未补正，根据{{依据条款}}的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。',
  ]),
  'reply.feeUnpaid': reply('不再处理告知书', '政府信息公开申请不再处理告知书', [
    '本机关已于{{收费通知日期}}向您发出收费通知书。',
    '您逾期未缴纳信息处理费，根据{{依据条款}}的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。',
  ]),
  'reply.other': reply('答复告知书', '政府信息公开申请答复告知书', ['经审查，现将本机关对您的申请的处理情况告知如下：{{备注}}'], ''),
};

/** Why information is withheld, as a reply states it (the article comes from OUTCOMES). */
export const WITHHOLD_REASONS: Partial<Record<Outcome, string>> = {
  withheldStateSecret: '属于国家秘密',
  withheldLawProhibited: '属于法律、行政法规禁止公开的政府信息',
  withheldSecurityStability: '公开后可能危及国家安全、公共安全、经济安全、社会稳定',
  withheldThirdParty: '涉及商业秘密、个人隐私等，公开后可能损害第三方合法权益',
  withheldInternalAffairs: '属于人事管理、后勤管理、内部工作流程等方面的内部事务信息',
  withheldProcessInfo: '属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息',
  withheldEnforcementFile: '属于行政执法案卷信息',
  withheldQueryMatter: '属于工商、不动产登记资料等有关法律、行政法规对信息的获取有特别规定的信息，应当依照有关法律、行政法规的规定办理',
};

/** Art. 35, 36(六), 39: the situation and the consequence, one sentence each ({{原申请编号}} is optional). */
export const NOT_PROCESSED_REASONS: Partial<Record<Outcome, string>> = {
  notProcessedPetition: '您提出的申请实质上是以政府信息公开申请的形式进行信访、投诉、举报等活动。根据《条例》第三十九条第一款的规定，本机关不作为政府信息公开申请处理，您可以依照有关法律、行政法规的规定向有关机关提出',
  notProcessedRepeated: '您本次申请与此前已向本机关提出并已获答复的政府信息公开申请内容相同{{原申请编号}}，且未提出新的理由。根据《条例》第三十六条第（六）项的规定，本机关不予重复处理',
  notProcessedPublication: '您申请获取的是政府公报、报刊、书籍等公开出版物。根据《条例》第三十九条第二款的规定，本机关不作为政府信息公开申请处理，您可以通过公开发行渠道或者本机关门户网站获取',
  notProcessedExcessive: '您申请公开政府信息的数量、频次明显超过合理范围，经本机关要求说明理由，您说明的理由不合理。根据《条例》第三十五条的规定，本机关不予处理',
  notProcessedConfirmation: '您的申请内容为要求本机关确认或者重新出具已获取的信息。根据《条例》第三十九条第二款的规定，本机关不作为政府信息公开申请处理',
};

/** Which reply template fits an outcome. */
export function replyTemplateKey(outcome: Outcome, reply: { competentAgency?: string | undefined; publishedAt?: string | undefined }): TemplateKey {
  switch (outcome) {
    case 'disclosed':
      return reply.publishedAt?.trim() ? 'reply.published' : 'reply.disclosed';
    case 'partiallyDisclosed':
      return 'reply.partial';
    case 'withheldQueryMatter':
      return 'reply.queryMatter';
    case 'unavailableNotHeld':
      return reply.competentAgency?.trim() ? 'reply.notCompetent' : 'reply.notHeld';
    case 'unavailableNeedsCreation':
      return 'reply.needsCreation';
    case 'unavailableStillUnclear':
      return 'reply.stillUnclear';
    case 'otherNoCorrection':
      return 'reply.noCorrection';
    case 'otherFeeUnpaid':
      return 'reply.feeUnpaid';
    case 'otherOther':
      return 'reply.other';
    default:
      if (outcome in WITHHOLD_REASONS) return 'reply.withhold';
      if (outcome in NOT_PROCESSED_REASONS) return 'reply.notProcessed';
      return 'reply.other';
  }
}

/** Every short name a stored notice can carry: how notices are told apart from other files of an application. */
export const NOTICE_SHORT_NAMES: ReadonlySet<string> = new Set(Object.values(DEFAULT_TEMPLATES).map((t) => t.shortName));
