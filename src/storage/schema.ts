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
  /** Page views per published item and civil day (Beijing time); no visitor data at all (0007-item-views). */
  item_views: {
    /** "<item_id>:<day>" */
    id: text(),
    item_id: text(),
    day: text(),
    count: int(),
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
