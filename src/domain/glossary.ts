/**
 * One place that maps English identifiers to the Chinese statutory terms shown to users.
 * Labels that belong to a single module live next to it; these are shared across modules.
 */
export const UNIT_TYPES = {
  government: '人民政府',
  generalOffice: '政府办公室（办公厅）',
  department: '政府部门',
  township: '乡镇',
  street: '街道',
  other: '其他单位',
} as const;
export type UnitType = keyof typeof UNIT_TYPES;

export const UNIT_LEVELS = {
  province: '省级',
  city: '市级',
  county: '县级',
  township: '乡级',
} as const;
export type UnitLevel = keyof typeof UNIT_LEVELS;

export const ROLES = {
  sysAdmin: '系统管理员',
  officeAdmin: '公开办管理员',
  infoOfficer: '信息员',
  reviewer: '审核员',
  caseHandler: '依申请经办人',
  supervisor: '监督员（只读）',
} as const;
export type Role = keyof typeof ROLES;

export const ACCOUNT_STATUS = { active: '启用', disabled: '停用' } as const;
export type AccountStatus = keyof typeof ACCOUNT_STATUS;
