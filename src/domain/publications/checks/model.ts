/** Stored shapes and the repository of the checks before publication (tables of 0005-publication-checks). */
import type { PersonalDataRule } from './personal-data.js';
import type { Severity, WordingEntry } from './wording.js';

/** How a personal-data rule applies: platform-wide (unitId null) or for a unit and the units below it. */
export interface PersonalDataSetting {
  id: string;
  unitId: string | null;
  rule: PersonalDataRule;
  severity: Severity;
  active: boolean;
  updatedAt: string;
  updatedBy: string | null;
}

export interface WordingListQuery {
  /** Entries of these scopes; null in the list means the platform-wide entries. Absent: all. */
  scopes?: (string | null)[] | undefined;
  kind?: string | undefined;
  q?: string | undefined;
  activeOnly?: boolean | undefined;
}

export interface PublicationChecksRepository {
  /** Changes whenever an entry is added, changed or removed (the automaton cache key). */
  dictionaryVersion(): Promise<string>;
  listEntries(q?: WordingListQuery): Promise<WordingEntry[]>;
  getEntry(id: string): Promise<WordingEntry | undefined>;
  findEntry(unitId: string | null, phrase: string): Promise<WordingEntry | undefined>;
  insertEntry(e: WordingEntry): Promise<void>;
  updateEntry(e: WordingEntry): Promise<void>;
  deleteEntry(id: string): Promise<void>;
  personalDataSettings(): Promise<PersonalDataSetting[]>;
  putPersonalDataSetting(s: PersonalDataSetting): Promise<void>;
}
