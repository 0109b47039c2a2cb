import type { WordingEntry } from '../../../domain/publications/checks/wording.js';

export { SEVERITY_LABELS, WORDING_KIND_LABELS, type Severity, type WordingKind } from '../../../domain/publications/checks/labels.js';
export { PERSONAL_DATA_LABELS, type PersonalDataRule } from '../../../domain/publications/checks/personal-data.js';
export type { WordingEntry };
export type { CheckFinding } from '../../../domain/publications/checks/index.js';

export type ListedEntry = WordingEntry & { editable: boolean };
export interface WordingList {
  entries: ListedEntry[];
  canEditUnit: boolean;
  canEditPlatform: boolean;
}
