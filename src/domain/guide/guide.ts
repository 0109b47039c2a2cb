/**
 * 政府信息公开指南 (Art. 12): how information is classified and arranged, how to obtain it, and the
 * disclosure office's name, address, office hours, phone, fax and internet contact. The contact facts
 * come from the unit record; the explanatory sections are editable text with a lawful default.
 */
import { DomainError } from '../errors.js';
import { assertCan } from '../policy/policy.js';
import type { Actor, Deps, GuideSections, Unit } from '../ports.js';
import { getUnitOrThrow, loadTree } from '../units/unit-context.js';

export const GUIDE_SECTIONS = [
  { key: 'intro', title: '前言' },
  { key: 'proactive', title: '一、主动公开' },
  { key: 'application', title: '二、依申请公开' },
  { key: 'fees', title: '三、收费标准' },
  { key: 'remedies', title: '四、监督方式及救济途径' },
] as const;
export type GuideSectionKey = (typeof GUIDE_SECTIONS)[number]['key'];

export function defaultGuideSections(unit: Pick<Unit, 'name' | 'officeName'>): Record<GuideSectionKey, string> {
  const office = unit.officeName ?? `${unit.name}政府信息公开工作机构`;
  return {
    intro: `为了保障公民、法人和其他组织依法获取政府信息，提高政府工作的透明度，根据《中华人民共和国政府信息公开条例》（以下简称《条例》），编制本指南。本指南每年更新，需要获得${unit.name}政府信息公开服务的公民、法人或者其他组织，建议阅读本指南。`,
    proactive: `（一）公开范围\n${unit.name}依照《条例》第十九条、第二十条、第二十一条的规定，主动公开涉及公众利益调整、需要公众广泛知晓或者需要公众参与决策的政府信息，具体内容见本单位政府信息公开目录。\n\n（二）公开方式\n主要通过本平台“法定主动公开内容”栏目公开，并可通过政府公报、新闻发布会、报刊、广播、电视以及政务服务场所、档案馆、公共图书馆设置的查阅场所等方式公开（《条例》第二十三条至第二十五条）。\n\n（三）公开时限\n属于主动公开范围的政府信息，自该信息形成或者变更之日起20个工作日内予以公开；法律、法规对公开期限另有规定的，从其规定（《条例》第二十六条）。`,
    application: `（一）受理机构\n${office}负责受理向本单位提出的政府信息公开申请，联系方式见本页“受理机构信息”。\n\n（二）提出申请\n申请人应当采用包括信件、数据电文在内的书面形式提出申请；采用书面形式确有困难的，可以口头提出，由受理机构代为填写申请表。申请内容包括：申请人的姓名或者名称、身份证明、联系方式；申请公开的政府信息的名称、文号或者便于查询的其他特征性描述；申请公开的政府信息的形式要求，包括获取信息的方式、途径（《条例》第二十九条）。申请人无需说明申请用途。\n\n（三）申请的处理\n申请内容不明确的，受理机构自收到申请之日起7个工作日内一次性告知申请人作出补正，答复期限自收到补正的申请之日起计算（《条例》第三十条）。能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过20个工作日。征求第三方和其他机关意见所需时间不计算在前述期限内（《条例》第三十三条）。`,
    fees: `行政机关依申请提供政府信息，不收取费用。但申请人申请公开政府信息的数量、频次明显超过合理范围的，行政机关可以收取信息处理费（《条例》第四十二条），收费标准按照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）执行。`,
    remedies: `公民、法人或者其他组织认为本单位在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼（《条例》第五十一条）。`,
  };
}

/** The guide as shown: saved text where edited, the lawful default elsewhere. */
export function effectiveGuide(unit: Unit, saved: GuideSections | undefined): { key: GuideSectionKey; title: string; text: string; edited: boolean }[] {
  const defaults = defaultGuideSections(unit);
  return GUIDE_SECTIONS.map((s) => {
    const text = saved?.[s.key];
    return { key: s.key, title: s.title, text: text && text.trim() ? text : defaults[s.key], edited: !!(text && text.trim()) };
  });
}

export async function updateGuide(deps: Deps, actor: Actor, unitId: string, input: Record<string, unknown>): Promise<GuideSections> {
  const sections: GuideSections = {};
  const fields = [];
  for (const [k, v] of Object.entries(input)) {
    if (!GUIDE_SECTIONS.some((s) => s.key === k)) {
      fields.push({ path: k, message: '未知的指南章节' });
      continue;
    }
    if (v !== null && typeof v !== 'string') fields.push({ path: k, message: '章节内容应为文本' });
    else if (typeof v === 'string' && v.length > 20000) fields.push({ path: k, message: '章节内容不能超过20000字' });
    else if (typeof v === 'string' && v.trim()) sections[k] = v.replace(/\r\n/g, '\n');
  }
  if (fields.length) throw new DomainError('VALIDATION', '指南内容有误', { fields });
  return deps.store.write(async (r) => {
    const { tree } = await loadTree(r);
    await getUnitOrThrow(r, unitId);
    assertCan(actor, 'guide.edit', unitId, tree);
    const before = await r.guides.get(unitId);
    const now = deps.clock.now();
    await r.guides.put(unitId, sections, now, actor.accountId);
    await r.audit.append({ actorId: actor.accountId, actorName: actor.name, unitId, action: 'guide.update', entityType: 'guide', entityId: unitId, before: before?.sections ?? null, after: sections, ip: actor.ip ?? null }, now);
    return sections;
  });
}
