/** Labels of the wording dictionary, without the matcher (the admin app imports these). */
export type WordingKind = 'sensitive' | 'wrong' | 'outdatedName' | 'typo';
export const WORDING_KIND_LABELS: Record<WordingKind, string> = {
  sensitive: '敏感或涉密表述',
  wrong: '错误表述',
  outdatedName: '过时的机构名称或职务',
  typo: '常见错别字',
};
export type Severity = 'block' | 'warn';
export const SEVERITY_LABELS: Record<Severity, string> = { block: '阻止发布', warn: '提示' };
