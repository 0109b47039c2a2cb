/**
 * The pre-2019 附表 政府信息公开情况统计表 (reports up to 2018): labels as in the 2017 fixture, in simplified
 * characters and full-width punctuation (annual-report-format.md §4). Lines without a key are the table's
 * own headings (unit "—").
 */
import type { CellKind, DisplayTable, GridCell, IndicatorDef } from './templates-model.js';

interface Line { key?: string; label: string; unit: string; indent: number }

const L = (key: string | undefined, label: string, unit: string, indent: number): Line => (key ? { key, label, unit, indent } : { label, unit, indent });

export const PRE2019_LINES: Line[] = [
  L(undefined, '一、主动公开情况', '—', 0),
  L('proactive.total', '（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）', '条', 1),
  L('proactive.normativeDocs', '其中：主动公开规范性文件数', '条', 2),
  L('proactive.normativeDocsIssued', '制发规范性文件总数', '件', 2),
  L(undefined, '（二）通过不同渠道和方式公开政府信息的情况', '—', 1),
  L('proactive.viaGazette', '1.政府公报公开政府信息数', '条', 2),
  L('proactive.viaWebsite', '2.政府网站公开政府信息数', '条', 2),
  L('proactive.viaWeibo', '3.政务微博公开政府信息数', '条', 2),
  L('proactive.viaWechat', '4.政务微信公开政府信息数', '条', 2),
  L('proactive.viaOther', '5.其他方式公开政府信息数', '条', 2),
  L(undefined, '二、回应解读情况', '—', 0),
  L('response.hotTopics', '（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）', '次', 1),
  L(undefined, '（二）通过不同渠道和方式回应解读的情况', '—', 1),
  L('response.pressConferences', '1.参加或举办新闻发布会总次数', '次', 2),
  L('response.pressConferencesByHead', '其中：主要负责同志参加新闻发布会次数', '次', 3),
  L('response.onlineInterviews', '2.政府网站在线访谈次数', '次', 2),
  L('response.onlineInterviewsByHead', '其中：主要负责同志参加政府网站在线访谈次数', '次', 3),
  L('response.interpretations', '3.政策解读稿件发布数', '篇', 2),
  L('response.weiboWechat', '4.微博微信回应事件数', '次', 2),
  L('response.other', '5.其他方式回应事件数', '次', 2),
  L(undefined, '三、依申请公开情况', '—', 0),
  L('applications.received', '（一）收到申请数', '件', 1),
  L('applications.inPerson', '1.当面申请数', '件', 2),
  L('applications.fax', '2.传真申请数', '件', 2),
  L('applications.online', '3.网络申请数', '件', 2),
  L('applications.letter', '4.信函申请数', '件', 2),
  L('applications.closed', '（二）申请办结数', '件', 1),
  L('applications.closedOnTime', '1.按时办结数', '件', 2),
  L('applications.closedExtended', '2.延期办结数', '件', 2),
  L('applications.replied', '（三）申请答复数', '件', 1),
  L('applications.alreadyPublic', '1.属于已主动公开范围数', '件', 2),
  L('applications.disclosed', '2.同意公开答复数', '件', 2),
  L('applications.partiallyDisclosed', '3.同意部分公开答复数', '件', 2),
  L('applications.refused', '4.不同意公开答复数', '件', 2),
  L('applications.refusedStateSecret', '其中：涉及国家秘密', '件', 3),
  L('applications.refusedTradeSecret', '涉及商业秘密', '件', 3),
  L('applications.refusedPrivacy', '涉及个人隐私', '件', 3),
  L('applications.refusedSecurityStability', '危及国家安全、公共安全、经济安全和社会稳定', '件', 3),
  L('applications.refusedNotGovInfo', '不是《条例》所指政府信息', '件', 3),
  L('applications.refusedOtherLaw', '法律法规规定的其他情形', '件', 3),
  L('applications.notThisAgency', '5.不属于本行政机关公开数', '件', 2),
  L('applications.notExist', '6.申请信息不存在数', '件', 2),
  L('applications.correctionRequested', '7.告知作出更改补充数', '件', 2),
  L('applications.otherChannel', '8.告知通过其他途径办理数', '件', 2),
  L('reconsideration.total', '四、行政复议数量', '件', 0),
  L('reconsideration.upheld', '（一）维持具体行政行为数', '件', 1),
  L('reconsideration.corrected', '（二）被依法纠错数', '件', 1),
  L('reconsideration.other', '（三）其他情形数', '件', 1),
  L('litigation.total', '五、行政诉讼数量', '件', 0),
  L('litigation.upheld', '（一）维持具体行政行为或者驳回原告诉讼请求数', '件', 1),
  L('litigation.corrected', '（二）被依法纠错数', '件', 1),
  L('litigation.other', '（三）其他情形数', '件', 1),
  L('complaints.total', '六、举报投诉数量', '件', 0),
  // Breakdown printed by some provinces' 附表 only (the 2017 fixture has none): "where given".
  L('complaints.upheld', '（一）维持具体行政行为数', '件', 1),
  L('complaints.corrected', '（二）被纠错数', '件', 1),
  L('complaints.other', '（三）其他情形数', '件', 1),
  L('fees.amountWan', '七、依申请公开信息收取的费用', '万元', 0),
  L(undefined, '八、机构建设和保障经费情况', '—', 0),
  L('org.dedicatedBodies', '（一）政府信息公开工作专门机构数', '个', 1),
  L('org.readingPoints', '（二）设置政府信息公开查阅点数', '个', 1),
  L('org.staff', '（三）从事政府信息公开工作人员数', '人', 1),
  L('org.staffFullTime', '1.专职人员数（不包括政府公报及政府网站工作人员数）', '人', 2),
  L('org.staffPartTime', '2.兼职人员数', '人', 2),
  L('org.budgetWan', '（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）', '万元', 1),
  L(undefined, '九、政府信息公开会议和培训情况', '—', 0),
  L('meetings.meetings', '（一）召开政府信息公开工作会议或专题会议数', '次', 1),
  L('meetings.trainings', '（二）举办各类培训班数', '次', 1),
  L('meetings.trainees', '（三）接受培训人员数', '人次', 1),
];

const kindOf = (unit: string): CellKind => (unit === '万元' ? 'amountWan' : 'count');

export const PRE2019_INDICATORS: IndicatorDef[] = PRE2019_LINES.filter((l) => l.key).map((l) => ({
  key: l.key!,
  label: l.label,
  unit: l.unit,
  kind: kindOf(l.unit),
  indent: l.indent,
}));

export function pre2019IndicatorTable(): DisplayTable {
  const header: GridCell[] = [
    { role: 'colHeader', text: '指　标' },
    { role: 'colHeader', text: '单位' },
    { role: 'colHeader', text: '数量' },
  ];
  const body = PRE2019_LINES.map((l): GridCell[] => [
    { role: 'rowHeader', text: l.label, indent: l.indent },
    { role: 'unit', text: l.unit },
    l.key ? { role: 'value', path: `indicators.${l.key}` } : { role: 'value' },
  ]);
  return {
    id: 'indicators',
    number: null,
    title: '政府信息公开情况统计表',
    shortName: '附表',
    gridColumns: 3,
    columnWidths: [8, 1, 1.5],
    headerRows: 1,
    grid: [header, ...body],
  };
}
