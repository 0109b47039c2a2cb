/**
 * 索引号 = prefix "/" year "-" serial (rules.md §2): the prefix is the unit's 统一社会信用代码 (18 chars) or the
 * 组织机构代码 embedded in it (characters 9–17, GB 32100-2015), the serial per unit and year, zero-padded.
 * Generated once at publication and never changed or reused.
 */
import { DomainError } from '../errors.js';
import type { Unit } from '../ports.js';
import type { PublicationSettings } from './model.js';

export function indexPrefix(unit: Pick<Unit, 'code' | 'name'>, source: PublicationSettings['indexPrefixSource']): string {
  const code = unit.code?.replace(/-/g, '') ?? '';
  if (!code) throw new DomainError('INVALID_STATE', `“${unit.name}”尚未填写统一社会信用代码或组织机构代码，无法生成索引号，请先在单位信息中填写`);
  if (source === 'orgCode' && code.length === 18) return code.slice(8, 17);
  return code;
}

export function formatIndexNumber(prefix: string, year: number, serial: number, width: number): string {
  return `${prefix}/${year}-${String(serial).padStart(width, '0')}`;
}
