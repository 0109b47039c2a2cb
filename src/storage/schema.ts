/**
 * The database schema as data. The Kysely table types are derived from this object, and
 * test/db/schema-drift.test.ts compares it with what the migrations actually created on each engine,
 * so code and schema cannot drift apart silently.
 *
 * Only portable column kinds are used (text, integer, real) so that SQLite and PostgreSQL behave alike:
 * timestamps are ISO-8601 UTC strings, civil dates 'YYYY-MM-DD', booleans 0/1, JSON as text.
 */
type Kind = 'text' | 'integer' | 'real';
interface Col<K extends Kind, N extends boolean> {
  readonly kind: K;
  readonly nullable: N;
}
const col =
  <K extends Kind>(kind: K) =>
  (): Col<K, false> => ({ kind, nullable: false });
const nullableCol =
  <K extends Kind>(kind: K) =>
  (): Col<K, true> => ({ kind, nullable: true });

const text = col('text');
const int = col('integer');
const textN = nullableCol('text');
const intN = nullableCol('integer');
const real = col('real');

export const schema = {
  units: {
    id: text(),
    parent_id: textN(),
    name: text(),
    short_name: textN(),
    code: textN(),
    slug: text(),
    type: text(),
    level: text(),
    sort_order: int(),
    status: text(),
    office_name: textN(),
    address: textN(),
    office_hours: textN(),
    phone: textN(),
    fax: textN(),
    email: textN(),
    website: textN(),
    postcode: textN(),
    functions: textN(),
    leaders_json: text(),
    internal_bodies_json: text(),
    created_at: text(),
    updated_at: text(),
    deactivated_at: textN(),
  },
  unit_guides: {
    unit_id: text(),
    sections_json: text(),
    updated_at: text(),
    updated_by: textN(),
  },
  accounts: {
    id: text(),
    unit_id: text(),
    username: text(),
    display_name: text(),
    email: textN(),
    status: text(),
    password_hash: text(),
    must_change_password: int(),
    failed_attempts: int(),
    locked_until: textN(),
    totp_secret_enc: textN(),
    totp_enabled: int(),
    last_login_at: textN(),
    password_changed_at: textN(),
    created_at: text(),
    updated_at: text(),
  },
  role_assignments: {
    id: text(),
    account_id: text(),
    unit_id: text(),
    role: text(),
    created_at: text(),
  },
  sessions: {
    id: text(),
    account_id: text(),
    csrf_token: text(),
    created_at: text(),
    last_seen_at: text(),
    expires_at: text(),
    ip: textN(),
    user_agent: textN(),
  },
  audit_log: {
    seq: int(),
    at: text(),
    actor_id: textN(),
    actor_name: textN(),
    unit_id: textN(),
    action: text(),
    entity_type: text(),
    entity_id: textN(),
    before_json: textN(),
    after_json: textN(),
    ip: textN(),
    prev_hash: text(),
    hash: text(),
  },
  attachments: {
    id: text(),
    sha256: text(),
    filename: text(),
    mime: text(),
    size: int(),
    unit_id: textN(),
    owner_type: text(),
    owner_id: textN(),
    created_by: textN(),
    created_at: text(),
  },
  applications: {
    id: text(),
    unit_id: text(),
    receipt_no: text(),
    query_code_hash: text(),
    status: text(),
    outcome: textN(),
    applicant_type: text(),
    /** Sealed JSON (AES-256-GCM) of the applicant's personal data: never stored in clear. */
    applicant_sealed: text(),
    /** Masked name for lists (张**); the organisation name for organisations. */
    applicant_masked: text(),
    /** HMAC blind index of the applicant's identity, to find repeated applications without decrypting. */
    applicant_key: text(),
    description: text(),
    document_no: textN(),
    provision_form: text(),
    delivery_method: text(),
    channel: text(),
    receipt_evidence: textN(),
    received_on: textN(),
    correction_requested_on: textN(),
    correction_received_on: textN(),
    /** Derived from the events by the clock; kept for ordering the work queue and recomputed on every change. */
    reply_due: textN(),
    reply_due_provisional: int(),
    calendar_version: textN(),
    replied_on: textN(),
    served_on: textN(),
    service_method: textN(),
    handler_id: textN(),
    duplicate_of: textN(),
    transferred_to: textN(),
    transferred_from: textN(),
    reply_json: textN(),
    created_at: text(),
    updated_at: text(),
  },
  application_events: {
    id: text(),
    application_id: text(),
    seq: int(),
    action: text(),
    from_status: textN(),
    to_status: text(),
    effective_on: textN(),
    at: text(),
    actor_id: textN(),
    actor_name: textN(),
    data_json: textN(),
  },
  calendar_overrides: {
    id: text(),
    /** Null: the whole deployment; otherwise a local holiday or working day of one unit. */
    unit_id: textN(),
    date: text(),
    kind: text(),
    name: text(),
    created_at: text(),
    created_by: textN(),
  },
  mail_outbox: {
    id: text(),
    /** Null for mail not about one application. */
    application_id: textN(),
    /** Sealed recipient address (personal data, like applicant_sealed). */
    to_sealed: text(),
    subject: text(),
    body_text: text(),
    /** queued | sent | failed */
    status: text(),
    attempts: int(),
    /** What went wrong on the last attempt, with e-mail addresses removed. */
    last_error: textN(),
    created_at: text(),
    sent_at: textN(),
    /** When a queued row is next due; also pushed ahead while a sender holds it (its lease). */
    next_attempt_at: textN(),
  },
  /** 主动公开 catalogue: a unit's column tree (0004-publications). */
  publication_columns: {
    id: text(),
    unit_id: text(),
    parent_id: textN(),
    code: text(),
    name: text(),
    description: textN(),
    sort_order: int(),
    time_limit_days: int(),
    freshness_days: intN(),
    template_key: textN(),
    accepts_items: int(),
    created_at: text(),
    updated_at: text(),
  },
  /** 主动公开 information items (0004-publications). */
  publication_items: {
    id: text(),
    unit_id: text(),
    column_id: text(),
    status: text(),
    stage: intN(),
    title: text(),
    summary: text(),
    body_html: text(),
    publisher: text(),
    doc_number: textN(),
    created_on: text(),
    subject: textN(),
    genre: textN(),
    /** JSON array of strings. */
    keywords: text(),
    disclosure_method: text(),
    disclosure_period: text(),
    disclosure_scope: text(),
    validity: textN(),
    effective_on: textN(),
    validity_changed_on: textN(),
    index_number: textN(),
    published_at: textN(),
    published_on: textN(),
    publish_at: textN(),
    working_days: intN(),
    time_limit_days: intN(),
    late: int(),
    corrected_at: textN(),
    correction_note: textN(),
    withdrawn_at: textN(),
    withdrawal_reason: textN(),
    pending_json: textN(),
    created_by: textN(),
    created_by_name: text(),
    created_at: text(),
    updated_at: text(),
  },
  /** Every workflow step of an item; the review ledger (审核发布台账) is read from it. */
  publication_events: {
    id: text(),
    item_id: text(),
    unit_id: text(),
    seq: int(),
    action: text(),
    from_status: textN(),
    to_status: text(),
    stage: intN(),
    stage_name: textN(),
    at: text(),
    actor_id: textN(),
    actor_name: textN(),
    comment: textN(),
    confidentiality_confirmed: int(),
    data_json: textN(),
  },
  publication_links: {
    id: text(),
    from_id: text(),
    to_id: text(),
    kind: text(),
    created_at: text(),
  },
  /** Text extracted from an item's attachment at upload (search, personal-data check). */
  publication_attachment_texts: {
    attachment_id: text(),
    item_id: text(),
    text: text(),
  },
  /** 索引号 serial counters, one row per unit and year. */
  publication_index_counters: {
    id: text(),
    unit_id: text(),
    year: int(),
    last_serial: int(),
  },
  publication_settings: {
    unit_id: text(),
    stages_json: text(),
    four_eyes: int(),
    index_prefix_source: text(),
    index_serial_width: int(),
    updated_at: text(),
  },
  /** 主题分类 and 体裁分类 code lists. */
  publication_codes: {
    id: text(),
    list: text(),
    code: text(),
    name: text(),
    parent_code: textN(),
    sort_order: int(),
    active: int(),
  },
  /**
   * The search index (0006-search-index): one row per published item. The full-text index over title_seg / text_seg
   * is engine-specific and not listed here (SQLite FTS5 table search_fts, PostgreSQL table search_tsv with the
   * tsvectors, filled by trigger); test/db/schema-drift.test.ts allows exactly those.
   */
  search_items: {
    /** Ranking key: days since 1970-01-01 of published_on × 10^7 + serial within the day (newest = largest). */
    doc_id: int(),
    item_id: text(),
    unit_id: text(),
    column_id: textN(),
    /** The column's stable code (zcwj, tzgg …), for a filter across units. */
    column_code: textN(),
    title: text(),
    index_number: text(),
    doc_number: textN(),
    /** 文号 normalised for substring search (half-width, lower case, brackets unified, no spaces). */
    doc_number_key: textN(),
    subject: textN(),
    genre: textN(),
    validity: textN(),
    published_on: text(),
    created_on: text(),
    /** Summary, body and attachment text (plain, capped) from which result excerpts are cut. */
    excerpt_source: text(),
    /** Segmented words separated by spaces (src/infra/segmenter.ts). */
    title_seg: text(),
    text_seg: text(),
  },
  /** Page views per published item and civil day (Beijing time); no visitor data at all (0007-item-views). */
  item_views: {
    /** "<item_id>:<day>" */
    id: text(),
    item_id: text(),
    day: text(),
    count: int(),
  },
  /** Reconsideration and litigation register (rules.md §4, Art. 51): annual-report table 四 (0008-report-data). */
  review_cases: {
    id: text(),
    unit_id: text(),
    /** The application whose reply (or notice) the case challenges. */
    application_id: textN(),
    /** reconsideration | litigationDirect | litigationAfterReconsideration */
    kind: text(),
    filed_on: text(),
    /** 复议机关 or 法院 */
    body: text(),
    case_no: textN(),
    /** 文号 of the challenged reply or notice. */
    challenged_notice: textN(),
    /** upheld | corrected | other; set with concluded_on, null while pending (尚未审结). */
    outcome: textN(),
    concluded_on: textN(),
    remarks: textN(),
    created_at: text(),
    created_by: textN(),
    updated_at: text(),
  },
  /** Annual-report figures kept in other systems (table 二: decisions, fees), each with its source (0008-report-data). */
  report_manual_entries: {
    id: text(),
    unit_id: text(),
    year: int(),
    kind: text(),
    value: real(),
    source_note: text(),
    entered_by: textN(),
    entered_by_name: textN(),
    entered_at: text(),
    import_batch: textN(),
  },
  /** 年度报告 (Art. 49–50): one per unit and year; see src/domain/annual-report/workflow-record.ts. */
  annual_reports: {
    id: text(),
    unit_id: text(),
    year: int(),
    /** 2021 | 2019 | pre2019 */
    template: text(),
    /** draft | submitted | returned | accepted | published */
    status: text(),
    /** computed | imported */
    origin: text(),
    /** The interchange document (annual-report-format.md §1), narrative included. */
    doc_json: text(),
    manual_cells_json: text(),
    computed_cells_json: text(),
    computed_at: textN(),
    submitted_at: textN(),
    submitted_by: textN(),
    decided_at: textN(),
    decided_by: textN(),
    return_comment: textN(),
    published_at: textN(),
    version: int(),
    created_at: text(),
    updated_at: text(),
  },
  annual_report_events: {
    id: text(),
    report_id: text(),
    seq: int(),
    action: text(),
    from_status: textN(),
    to_status: text(),
    at: text(),
    actor_id: textN(),
    actor_name: textN(),
    comment: textN(),
  },
  /** Per-unit deadline settings: scope own | townships (the default for townships below a government). */
  report_deadlines: {
    id: text(),
    unit_id: text(),
    scope: text(),
    /** 'MM-DD' of the year after the report year. */
    due_month_day: text(),
    updated_at: text(),
    updated_by: textN(),
  },
  /** The wording dictionary of the checks before publication; unit_id null = platform-wide (0005-publication-checks). */
  wording_entries: {
    id: text(),
    unit_id: textN(),
    phrase: text(),
    /** sensitive | wrong | outdatedName | typo */
    kind: text(),
    suggestion: textN(),
    /** block | warn */
    severity: text(),
    note: textN(),
    active: int(),
    created_at: text(),
    created_by: textN(),
    updated_at: text(),
  },
  /** Severity of each personal-data rule per scope; unit_id null = platform-wide (0005-publication-checks). */
  personal_data_settings: {
    id: text(),
    unit_id: textN(),
    rule: text(),
    severity: text(),
    active: int(),
    updated_at: text(),
    updated_by: textN(),
  },
  /** Information published through other channels, Art. 23–25 (0005-publication-checks). */
  offline_publications: {
    id: text(),
    unit_id: text(),
    channel: text(),
    published_on: text(),
    title: text(),
    item_count: int(),
    item_id: textN(),
    reference: textN(),
    note: textN(),
    created_at: text(),
    created_by: textN(),
    updated_at: text(),
  },
  /** 历史年报导入: every uploaded report file and its review (0010-report-imports, src/domain/imports/review). */
  report_imports: {
    id: text(),
    /** the unit under whose office the file was uploaded (visibility before a target is chosen) */
    owner_unit_id: text(),
    /** the unit whose history the report belongs to; null until chosen */
    unit_id: textN(),
    filename: text(),
    /** the original bytes in the blob store */
    source_sha256: text(),
    source_size: int(),
    encoding: text(),
    /** traditional | simplified */
    script: text(),
    detected_template: text(),
    detected_year: intN(),
    detected_unit_name: textN(),
    /** 2021 | 2019 | pre2019: as detected or as chosen */
    template: text(),
    year: intN(),
    /** the interchange document as read (corrections apart); null when no year was found */
    doc_json: textN(),
    read_error: textN(),
    /** reading warnings, evidence, cells read */
    read_json: text(),
    /** rules R1–R9 on the document with the corrections applied */
    findings_json: textN(),
    /** cell path → {value, previous, by, at, note} */
    corrections_json: text(),
    /** pending | accepted | discarded */
    status: text(),
    accepted_report_id: textN(),
    decided_by: textN(),
    decided_at: textN(),
    uploaded_by: textN(),
    uploaded_by_name: textN(),
    uploaded_at: text(),
    updated_at: text(),
    version: int(),
  },
} as const;

// intN is kept for later tables; reference it so strict unused checks stay quiet.
void intN;

type TsOf<C> = C extends Col<infer K, infer N>
  ? (K extends 'text' ? string : number) | (N extends true ? null : never)
  : never;

type Schema = typeof schema;
export type Database = {
  [T in keyof Schema]: { [C in keyof Schema[T]]: TsOf<Schema[T][C]> };
};
export type TableName = keyof Database;
export type Row<T extends TableName> = Database[T];
export const TABLES = Object.keys(schema) as TableName[];
