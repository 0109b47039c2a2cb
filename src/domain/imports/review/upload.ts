/**
 * Uploading historical reports for review: each file is read, and only when every file of the batch is a readable
 * report are the original bytes stored (blob store, referenced by an attachments row so backups carry them) and one
 * import record per file written, each with an audit entry. A file that cannot be read refuses the whole batch with
 * a Chinese message per file, and nothing is stored.
 */
import { cleanFilename } from '../../attachments/file-types.js';
import { DomainError, notFound } from '../../errors.js';
import { can } from '../../policy/policy.js';
import type { Actor, Attachment, Deps, Repos } from '../../ports.js';
import { loadTree } from '../../units/unit-context.js';
import { auditImport, findingsFor } from './access.js';
import type { ReadFileResult, ReportImport, ReportReader } from './model.js';

export const IMPORT_ATTACHMENT_OWNER = 'reportImport';
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_FILES = 20;

export interface UploadedFile {
  filename: string;
  data: Buffer;
  /** MIME type the content sniffer reports (src/infra/sniff.ts), not the client's claim */
  detectedMime: string | undefined;
}

const BINARY_KINDS: [RegExp, string][] = [
  [/pdf/, 'PDF'], [/wordprocessingml|msword|x-cfb/, 'Word/Office'], [/spreadsheetml|ms-excel/, 'Excel'], [/presentationml/, 'PowerPoint'],
  [/zip|rar|7z|gzip|x-tar/, '压缩包'], [/^image\//, '图片'], [/^(audio|video)\//, '音视频'],
];

/** Why a file's bytes cannot be read as a report (null: they can be tried). */
export function bytesProblem(f: UploadedFile): string | null {
  if (f.data.length === 0) return '文件是空的';
  if (f.data.length > MAX_IMPORT_BYTES) return '文件超过 5 MB，不像是一份年度报告';
  if (f.detectedMime && !/^(text\/|application\/(xhtml\+)?xml)/.test(f.detectedMime)) {
    const kind = BINARY_KINDS.find(([re]) => re.test(f.detectedMime!))?.[1] ?? '二进制';
    return `这是${kind}文件，目前只能读取网页（HTML）或文本格式的年度报告；请把报告另存为网页或文本文件后再上传`;
  }
  return null;
}

/** Why what was read is not a report (null: it is one). */
export function readProblem(read: ReadFileResult): string | null {
  const text = read.sourceText;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0 || c === 0xfffd) bad++;
  }
  if (bad > text.length * 0.01 + 2) return '文件不是可以识别的文本（编码无法识别或含有二进制内容），请另存为 UTF-8 或 GBK 编码的文本后再上传';
  // A report says what it is about; numbers read or table labels found are the structural evidence.
  const structural = read.evidence.template.some((e) => !e.what.startsWith('没有表格标签'));
  if (!/政府信息公[开開]/.test(text) || (read.cellsRead === 0 && !structural && !/年度报告|年度報告|年报|年報/.test(text))) {
    return '没有找到政府信息公开工作年度报告的内容（标题、统计期限、表格或附表），请确认上传的文件是否正确';
  }
  return null;
}

/** The unit an upload belongs to: the chosen one, else the first unit where the actor may edit reports. */
function ownerUnit(actor: Actor, chosen: string | null, r: Awaited<ReturnType<typeof loadTree>>): string {
  const { tree } = r;
  if (chosen) {
    if (!tree.has(chosen) || !can(actor, 'report.read', chosen, tree)) throw notFound('单位');
    if (!can(actor, 'report.edit', chosen, tree)) throw new DomainError('FORBIDDEN', '您没有为该单位导入历史年报的权限（需要该单位公开办管理员角色）');
    return chosen;
  }
  const own = [actor.unitId, ...actor.roles.map((a) => a.unitId)].find((u): u is string => !!u && tree.has(u) && can(actor, 'report.edit', u, tree));
  if (!own) throw new DomainError('FORBIDDEN', '您没有导入历史年报的权限（需要公开办管理员角色）');
  return own;
}

export async function uploadReports(
  deps: Deps, read: ReportReader, actor: Actor, input: { unitId: string | null; files: UploadedFile[] },
): Promise<ReportImport[]> {
  if (input.files.length === 0) throw new DomainError('VALIDATION', '请选择要上传的年度报告文件', { fields: [{ path: 'file', message: '请选择文件' }] });
  if (input.files.length > MAX_IMPORT_FILES) throw new DomainError('VALIDATION', `一次最多上传 ${MAX_IMPORT_FILES} 个文件，请分批上传`);
  await deps.store.read(async (r) => ownerUnit(actor, input.unitId, await loadTree(r)));
  const problems: { path: string; message: string }[] = [];
  const results = input.files.map((f) => {
    const filename = cleanFilename(f.filename) || '未命名文件';
    let result: ReadFileResult | null = null;
    let problem = bytesProblem(f);
    if (!problem) {
      try {
        result = read(f.data, filename, {});
        problem = readProblem(result);
      } catch {
        problem = '文件无法读取，请确认是网页（HTML）或文本格式的年度报告';
      }
    }
    if (problem) problems.push({ path: filename, message: `${filename}：${problem}` });
    return { file: f, filename, result };
  });
  if (problems.length) {
    throw new DomainError('VALIDATION', problems.length === 1 ? problems[0]!.message : `${problems.length} 个文件无法读取，均未保存：${problems.map((p) => p.message).join('；')}`, { fields: problems });
  }
  // Bytes first, then the records: a crash in between leaves unreferenced blobs, never a record without its bytes.
  const stored: ((typeof results)[number] & { blob: { sha256: string; size: number } })[] = [];
  for (const x of results) stored.push({ ...x, blob: await deps.blobs.put(x.file.data) });
  const now = deps.clock.now();
  return deps.store.write(async (r: Repos) => {
    const owner = ownerUnit(actor, input.unitId, await loadTree(r));
    const out: ReportImport[] = [];
    for (const { filename, result, blob } of stored) {
      const res = result!;
      const imp: ReportImport = {
        id: deps.newId(), ownerUnitId: owner, unitId: input.unitId, filename, sourceSha256: blob.sha256, sourceSize: blob.size,
        encoding: res.encoding, script: res.script, detectedTemplate: res.template, detectedYear: res.year, detectedUnitName: res.unit,
        template: res.template, year: res.year, doc: res.doc, readError: res.error,
        read: { warnings: res.warnings, evidence: res.evidence, cellsRead: res.cellsRead, cellsTotal: res.cellsTotal },
        findings: null, corrections: {}, status: 'pending', acceptedReportId: null, decidedBy: null, decidedAt: null,
        uploadedBy: actor.accountId, uploadedByName: actor.name, uploadedAt: now, updatedAt: now, version: 1,
      };
      imp.findings = await findingsFor(r, imp);
      await r.reportImports.insert(imp);
      const att: Attachment = {
        id: deps.newId(), sha256: blob.sha256, filename, mime: 'text/plain', size: blob.size, unitId: owner, ownerType: IMPORT_ATTACHMENT_OWNER,
        ownerId: imp.id, createdBy: actor.accountId, createdAt: now,
      };
      await r.attachments.insert(att);
      await auditImport(r, actor, imp, 'upload', now, undefined, {
        filename, sha256: blob.sha256, size: blob.size, template: imp.template, year: imp.year, unit: imp.detectedUnitName, cellsRead: res.cellsRead,
      });
      out.push(imp);
    }
    return out;
  });
}
