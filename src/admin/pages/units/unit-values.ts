import type { InternalBody, Leader, Unit, UnitInput, UnitLevel, UnitType } from '../../api/types';

/** Form values of a unit: empty strings where the record has null, so every input is controlled. */
export interface UnitFormValues {
  name: string;
  shortName: string;
  code: string;
  slug: string;
  type: UnitType | undefined;
  level: UnitLevel | undefined;
  sortOrder: number;
  officeName: string;
  address: string;
  officeHours: string;
  phone: string;
  fax: string;
  email: string;
  website: string;
  postcode: string;
  functions: string;
  leaders: Leader[];
  internalBodies: InternalBody[];
}

export function emptyUnitValues(parent?: Unit): UnitFormValues {
  return {
    name: '', shortName: '', code: '', slug: '',
    type: parent ? 'department' : 'government',
    level: parent?.level,
    sortOrder: 0,
    officeName: '', address: parent?.address ?? '', officeHours: parent?.officeHours ?? '', phone: '', fax: '', email: '', website: '', postcode: parent?.postcode ?? '',
    functions: '', leaders: [], internalBodies: [],
  };
}

export function unitToValues(u: Unit): UnitFormValues {
  return {
    name: u.name, shortName: u.shortName ?? '', code: u.code ?? '', slug: u.slug, type: u.type, level: u.level, sortOrder: u.sortOrder,
    officeName: u.officeName ?? '', address: u.address ?? '', officeHours: u.officeHours ?? '', phone: u.phone ?? '', fax: u.fax ?? '',
    email: u.email ?? '', website: u.website ?? '', postcode: u.postcode ?? '', functions: u.functions ?? '',
    leaders: u.leaders.map((l) => ({ name: l.name, title: l.title, duties: l.duties ?? '' })),
    internalBodies: u.internalBodies.map((b) => ({ name: b.name, duties: b.duties ?? '', phone: b.phone ?? '' })),
  };
}

/** The server treats '' as "not given" and trims; send the values as typed. */
export function valuesToInput(v: UnitFormValues): Omit<UnitInput, 'parentId'> {
  return {
    ...v,
    shortName: v.shortName || null,
    code: v.code || null,
    type: v.type as UnitType,
    level: v.level as UnitLevel,
    sortOrder: Number(v.sortOrder ?? 0),
    leaders: v.leaders ?? [],
    internalBodies: v.internalBodies ?? [],
  } as Omit<UnitInput, 'parentId'>;
}
