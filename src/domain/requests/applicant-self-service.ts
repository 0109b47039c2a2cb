/**
 * What the applicant can do with the receipt number and query code: download the notices served to them
 * (PDF, the record copy) and send the correction asked for (Art. 30), which restarts the reply period.
 */
import { z } from 'zod';
import { DomainError, notFound } from '../errors.js';
import type { Actor, Attachment, Deps, Repos } from '../ports.js';
import { parseInput } from '../validate.js';
import type { Application } from './application.js';
import { queryCodeHash } from './register-application.js';
import { transitionApplication } from './transition-application.js';

const BAD_CODE = '受理编号或查询码不正确，请核对回执后重新输入';

async function verified(deps: Deps, r: Repos, receiptNo: string, code: string): Promise<Application> {
  const a = await r.applications.getByReceiptNo(receiptNo.trim().toUpperCase());
  if (!a || a.queryCodeHash !== queryCodeHash(deps, a.receiptNo, code.trim())) throw new DomainError('NOT_FOUND', BAD_CODE);
  return a;
}

/** The PDF notices of an application (and of the application it was transferred to), newest first. */
export async function applicantNotices(deps: Deps, receiptNo: string, code: string): Promise<Attachment[]> {
  return deps.store.read(async (r) => {
    const a = await verified(deps, r, receiptNo, code);
    const ids = [a.id, ...(a.transferredTo ? [a.transferredTo] : [])];
    const lists = await Promise.all(ids.map((id) => r.attachments.listForOwner('application', id)));
    return lists.flat().filter((x) => x.filename.endsWith('.pdf')).sort((x, y) => y.createdAt.localeCompare(x.createdAt));
  });
}

export async function applicantNoticeFile(deps: Deps, receiptNo: string, code: string, attachmentId: string): Promise<{ attachment: Attachment; data: Buffer }> {
  const list = await applicantNotices(deps, receiptNo, code);
  const attachment = list.find((x) => x.id === attachmentId);
  if (!attachment) throw notFound('告知书');
  const data = await deps.blobs.get(attachment.sha256);
  if (!data) throw notFound('告知书');
  return { attachment, data };
}

const correctionInput = z.object({ text: z.string({ error: '请填写补正内容' }).trim().min(5, '补正内容至少5个字').max(4000, '补正内容不能超过4000字') });

/** Art. 30: the corrected application, sent online; the reply period runs from the day it arrives. */
export async function submitCorrectionOnline(deps: Deps, receiptNo: string, code: string, input: unknown, ip: string | null) {
  const { text } = parseInput(correctionInput, input);
  const app = await deps.store.read((r) => verified(deps, r, receiptNo, code));
  if (app.status !== 'correctionRequested') throw new DomainError('INVALID_STATE', '本申请目前不需要补正');
  const applicant: Actor = { accountId: null, name: '申请人（在线补正）', unitId: null, roles: [], system: true, ip };
  return transitionApplication(deps, applicant, app.id, 'receiveCorrection', { summary: text });
}
