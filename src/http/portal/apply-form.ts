/**
 * The online application form (Art. 29) as plain HTML: every control has a <label>, groups are fieldsets with
 * legends, required fields say so in text, and after a failed submission each error sits next to its field
 * (aria-describedby, aria-invalid) and in a summary at the top whose links move focus to the field.
 * There is no purpose field: the 2019 Regulation no longer asks why information is wanted.
 */
import { APPLICANT_TYPES, ID_DOCUMENT_TYPES } from '../../domain/requests/applicant.js';
import { DELIVERY_METHODS, PROVISION_FORMS, type RegisterInput } from '../../domain/requests/application.js';
import type { FieldError } from '../../domain/errors.js';
import { h, type Html } from './html.js';

export const FIELD_KEYS = [
  'type', 'name', 'idType', 'idNumber', 'orgCode', 'contactPerson', 'phone', 'email', 'address', 'postcode',
  'description', 'documentNo', 'provisionForm', 'deliveryMethod',
] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];
export type FormValues = Record<FieldKey, string>;

export interface FormErrors<K extends string = FieldKey> {
  fields: Partial<Record<K, string>>;
  /** Problems that belong to no single field (rate limit, unverifiable origin). */
  general: string[];
}

export const NO_ERRORS: FormErrors = { fields: {}, general: [] };

/** Whether a field is required, said in words (WCAG 1.4.1: not by colour or an asterisk alone). */
type Need = 'always' | 'natural' | 'organisation' | 'optional';
const NEED_TEXT: Record<Need, string> = { always: '（必填）', natural: '（自然人必填）', organisation: '（法人或者其他组织必填）', optional: '（选填）' };

interface TextDef {
  key: FieldKey;
  label: string;
  need: Need;
  hint?: string;
  type?: 'text' | 'tel' | 'email';
  autocomplete?: string;
  inputmode?: 'numeric' | 'tel' | 'email';
  size?: 's' | 'm';
}

/** Values from a urlencoded body: only known fields, strings only, never longer than anyone could type. */
export function formValues(body: unknown): FormValues {
  const src = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const out = {} as FormValues;
  for (const k of FIELD_KEYS) {
    const v = src[k];
    out[k] = typeof v === 'string' ? v.slice(0, 8000) : '';
  }
  if (!out.idType) out.idType = 'residentId';
  return out;
}

/** The domain's input. Only the identity fields of the chosen applicant type are passed on (the others may hold leftovers). */
export function toRegisterInput(unitId: string, v: FormValues): RegisterInput {
  const natural = v.type === 'natural';
  const organisation = v.type !== '' && !natural;
  return {
    unitId,
    channel: 'online',
    applicant: {
      type: (v.type || undefined) as never,
      name: v.name, phone: v.phone, email: v.email, address: v.address, postcode: v.postcode,
      ...(natural ? { idType: (v.idType || undefined) as never, idNumber: v.idNumber } : {}),
      ...(organisation ? { orgCode: v.orgCode, contactPerson: v.contactPerson } : {}),
    },
    description: v.description,
    documentNo: v.documentNo,
    provisionForm: (v.provisionForm || undefined) as never,
    deliveryMethod: (v.deliveryMethod || undefined) as never,
  };
}

/** The domain's field paths (applicant.idNumber, description, …) onto the form's fields. */
export function formErrors(fields: FieldError[], fallback: string): FormErrors {
  const out: FormErrors = { fields: {}, general: [] };
  for (const f of fields) {
    const key = f.path.replace(/^applicant\./, '') as FieldKey;
    if ((FIELD_KEYS as readonly string[]).includes(key)) out.fields[key] ??= f.message;
    else out.general.push(f.message);
  }
  if (!fields.length) out.general.push(fallback);
  return out;
}

export const errorCount = (e: FormErrors<string>) => Object.keys(e.fields).length + e.general.length;

const id = (key: string) => `f-${key}`;
/** The element an error summary link points at: the field, or a group's first option. */
const targetOf = (key: FieldKey): string => {
  if (key === 'type') return id(`type-${Object.keys(APPLICANT_TYPES)[0]}`);
  if (key === 'provisionForm') return id(`provisionForm-${Object.keys(PROVISION_FORMS)[0]}`);
  if (key === 'deliveryMethod') return id(`deliveryMethod-${Object.keys(DELIVERY_METHODS)[0]}`);
  return id(key);
};

const errorLine = (key: string, message: string | undefined): Html =>
  message ? h`<p class="field-error" id="${id(key)}-error"><span class="vh">错误：</span>${message}</p>` : h``;

function describedBy(key: string, hint: boolean, error: boolean): Html {
  const ids = [hint ? `${id(key)}-hint` : '', error ? `${id(key)}-error` : ''].filter(Boolean).join(' ');
  return ids ? h` aria-describedby="${ids}"` : h``;
}

function textField(d: TextDef, v: FormValues, e: FormErrors): Html {
  const err = e.fields[d.key];
  return h`<div class="field${err ? ' has-error' : ''}">
<label for="${id(d.key)}">${d.label}<span class="need">${NEED_TEXT[d.need]}</span></label>
${d.hint ? h`<p class="hint" id="${id(d.key)}-hint">${d.hint}</p>` : ''}${errorLine(d.key, err)}
<input type="${d.type ?? 'text'}" id="${id(d.key)}" name="${d.key}" value="${v[d.key]}" class="${d.size ? `w-${d.size}` : ''}"${d.autocomplete ? h` autocomplete="${d.autocomplete}"` : ''}${d.inputmode ? h` inputmode="${d.inputmode}"` : ''}${d.need === 'always' ? h` aria-required="true"` : ''}${err ? h` aria-invalid="true"` : ''}${describedBy(d.key, !!d.hint, !!err)}>
</div>`;
}

function radios(key: 'type' | 'provisionForm' | 'deliveryMethod', legend: string, options: Record<string, string>, v: FormValues, e: FormErrors, hint?: string): Html {
  const err = e.fields[key];
  return h`<fieldset class="choices${err ? ' has-error' : ''}"${describedBy(key, !!hint, !!err)}>
<legend>${legend}<span class="need">${NEED_TEXT.always}</span></legend>
${hint ? h`<p class="hint" id="${id(key)}-hint">${hint}</p>` : ''}${errorLine(key, err)}
${Object.entries(options).map(([value, label]) => h`<div class="choice"><input type="radio" id="${id(`${key}-${value}`)}" name="${key}" value="${value}"${v[key] === value ? h` checked` : ''}><label for="${id(`${key}-${value}`)}">${label}</label></div>`)}
</fieldset>`;
}

/** GOV.UK's error summary pattern: a heading, then one link per problem to the field concerned. */
export function errorSummary<K extends string>(e: FormErrors<K>, order: readonly K[], targets: (key: K) => string): Html {
  const n = errorCount(e);
  if (!n) return h``;
  const items = [
    ...e.general.map((m) => h`<li>${m}</li>`),
    ...order.filter((k) => e.fields[k]).map((k) => h`<li><a href="#${targets(k)}">${e.fields[k] as string}</a></li>`),
  ];
  return h`<div class="error-summary" role="alert" aria-labelledby="error-summary-title">
<h2 id="error-summary-title">提交的内容有 ${n} 处需要修改</h2>
<ul>${items}</ul>
</div>`;
}

/** Goes at the top of the page, above the guide text, so it is the first thing seen after a failed submission. */
export const applyErrorSummary = (e: FormErrors): Html => errorSummary(e, FIELD_KEYS, targetOf);

export function applyForm(action: string, v: FormValues, e: FormErrors): Html {
  const idErr = e.fields.idType;
  return h`<form method="post" action="${action}" accept-charset="utf-8" enctype="multipart/form-data" novalidate class="form">
<fieldset>
<legend>申请人信息</legend>
${radios('type', '申请人类型', APPLICANT_TYPES, v, e)}
${textField({ key: 'name', label: '申请人姓名或者名称', need: 'always', hint: '自然人填写姓名；法人或者其他组织填写全称', autocomplete: 'name' }, v, e)}
<fieldset class="sub">
<legend>身份证明：自然人填写</legend>
<div class="field${idErr ? ' has-error' : ''}">
<label for="f-idType">证件类型</label>${errorLine('idType', idErr)}
<select id="f-idType" name="idType"${idErr ? h` aria-invalid="true" aria-describedby="f-idType-error"` : ''}>${Object.entries(ID_DOCUMENT_TYPES).map(([value, label]) => h`<option value="${value}"${v.idType === value ? h` selected` : ''}>${label}</option>`)}</select>
</div>
${textField({ key: 'idNumber', label: '证件号码', need: 'natural', hint: '居民身份证号码为18位，最后一位可以是数字或字母X', autocomplete: 'off', size: 'm' }, v, e)}
</fieldset>
<fieldset class="sub">
<legend>身份证明：法人或者其他组织填写</legend>
${textField({ key: 'orgCode', label: '统一社会信用代码', need: 'organisation', hint: '18位，见营业执照或者登记证书', autocomplete: 'off', size: 'm' }, v, e)}
${textField({ key: 'contactPerson', label: '联系人姓名', need: 'organisation', autocomplete: 'name', size: 'm' }, v, e)}
</fieldset>
</fieldset>
<fieldset>
<legend>联系方式</legend>
<p class="hint">通信地址和电子邮箱至少填写一项，用于送达答复和办理过程中的告知。</p>
${textField({ key: 'phone', label: '联系电话', need: 'always', hint: '手机号码，或者带区号的固定电话', type: 'tel', autocomplete: 'tel', size: 'm' }, v, e)}
${textField({ key: 'email', label: '电子邮箱', need: 'optional', hint: '用于接收办理情况告知，以及以电子邮件方式提供的信息', type: 'email', autocomplete: 'email', inputmode: 'email' }, v, e)}
${textField({ key: 'address', label: '通信地址', need: 'optional', autocomplete: 'street-address' }, v, e)}
${textField({ key: 'postcode', label: '邮政编码', need: 'optional', autocomplete: 'postal-code', inputmode: 'numeric', size: 's' }, v, e)}
</fieldset>
<fieldset>
<legend>所需政府信息</legend>
<div class="field${e.fields.description ? ' has-error' : ''}">
<label for="f-description">所需政府信息的名称或者内容描述<span class="need">${NEED_TEXT.always}</span></label>
<p class="hint" id="f-description-hint">请写明信息的名称，或者便于查询的特征性描述，例如制作机关、大致时间、涉及的事项（《条例》第二十九条）。</p>${errorLine('description', e.fields.description)}
<textarea id="f-description" name="description" rows="6" aria-required="true"${e.fields.description ? h` aria-invalid="true"` : ''}${describedBy('description', true, !!e.fields.description)}>${v.description}</textarea>
</div>
${textField({ key: 'documentNo', label: '文号', need: 'optional', hint: '知道文号的请填写，例如：安发改投资〔2025〕12号', autocomplete: 'off', size: 'm' }, v, e)}
</fieldset>
${radios('provisionForm', '信息的提供形式', PROVISION_FORMS, v, e, '行政机关依照申请人要求的形式提供；按照该形式提供确有困难的，可以安排查阅或者以其他适当形式提供（《条例》第四十条）。')}
${radios('deliveryMethod', '获取信息的方式', DELIVERY_METHODS, v, e)}
<div class="field${e.general.some((m) => m.startsWith('身份证明材料')) ? ' has-error' : ''}">
<label for="f-proof">身份证明材料<span class="need">（选填）</span></label>
<p class="hint" id="f-proof-hint">可上传身份证件或营业执照的扫描件、照片（PDF、JPG 或 PNG，不超过 10 MB），加密保存，仅经办人可查看（《条例》第二十九条）。提交未成功时需重新选择文件。</p>
<input type="file" id="f-proof" name="proof" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" aria-describedby="f-proof-hint">
</div>
<p class="hint">您填写的身份证件号码、联系方式等个人信息仅用于办理本申请，加密保存。</p>
<p><button type="submit">提交申请</button></p>
</form>`;
}

/** The progress lookup: receipt number and query code (both from the receipt). */
export type ProgressKey = 'receiptNo' | 'queryCode';
export interface ProgressValues {
  receiptNo: string;
  queryCode: string;
}

export function progressForm(action: string, v: ProgressValues, e: FormErrors<ProgressKey>): Html {
  const field = (key: ProgressKey, label: string, hint: string, extra: Html) => {
    const err = e.fields[key];
    return h`<div class="field${err ? ' has-error' : ''}">
<label for="${id(key)}">${label}<span class="need">${NEED_TEXT.always}</span></label>
<p class="hint" id="${id(key)}-hint">${hint}</p>${errorLine(key, err)}
<input type="text" id="${id(key)}" name="${key}" value="${v[key]}" class="w-m" autocomplete="off" spellcheck="false" aria-required="true"${extra}${err ? h` aria-invalid="true"` : ''}${describedBy(key, true, !!err)}>
</div>`;
  };
  return h`<form method="post" action="${action}" accept-charset="utf-8" novalidate class="form">
${errorSummary(e, ['receiptNo', 'queryCode'] as const, id)}
${field('receiptNo', '受理编号', '见申请回执，例如：FGJ-2026-00001', h``)}
${field('queryCode', '查询码', '8位数字，提交申请时在回执页面上显示', h` inputmode="numeric"`)}
<p><button type="submit">查询</button></p>
</form>`;
}
