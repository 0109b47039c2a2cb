/**
 * pdfmake in a worker thread. Laying out and subsetting the CJK fonts is seconds of synchronous CPU that would
 * otherwise stall every request the server is handling. One long-lived worker (warm JIT, documents rendered one
 * after another), started on first use and unref'd so it never keeps the process alive.
 * The worker is evaluated from source and given pdfmake's resolved path, so it works the same from src/ under
 * vitest and from the esbuild bundle in dist/.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { PdfFontFiles, PdfFooter } from './render-pdf.js';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const pdfmake = require(workerData.pdfmake);
const f = workerData.fonts;
pdfmake.setFonts({
  NotoSerifSC: { normal: [f.serif, 'NotoSerifCJKsc-Regular'], bold: [f.serifBold, 'NotoSerifCJKsc-Bold'] },
  NotoSansSC: { normal: [f.sans, 'NotoSansCJKsc-Regular'], bold: [f.sans, 'NotoSansCJKsc-Regular'] },
});
const allowed = new Set(Object.values(f));
pdfmake.addTableLayouts({ notice: { hLineWidth: () => 0.6, vLineWidth: () => 0.6 } });
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((p) => allowed.has(p));
parentPort.on('message', async ({ id, definition, footer }) => {
  try {
    definition.footer = (page, pages) => (pages > 1 ? { ...footer, text: '— ' + page + ' —', alignment: page % 2 ? 'right' : 'left' } : null);
    const buf = await pdfmake.createPdf(definition).getBuffer();
    parentPort.postMessage({ id, data: buf });
  } catch (e) {
    parentPort.postMessage({ id, error: String((e && e.message) || e) });
  }
});
`;

interface Pending {
  resolve(b: Buffer): void;
  reject(e: Error): void;
}

class PdfWorker {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  constructor(private readonly fonts: PdfFontFiles) {}

  render(definition: TDocumentDefinitions, footer: PdfFooter): Promise<Buffer> {
    const w = this.start();
    const id = this.nextId++;
    return new Promise<Buffer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.pending.size === 1) w.ref();
      w.postMessage({ id, definition, footer });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const require = createRequire(import.meta.url);
    const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { pdfmake: require.resolve('pdfmake'), fonts: this.fonts } });
    w.unref();
    w.on('message', (m: { id: number; data?: Uint8Array; error?: string }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (this.pending.size === 0) w.unref();
      if (m.data) p.resolve(Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength));
      else p.reject(new Error(`生成 PDF 失败：${m.error ?? '未知错误'}`));
    });
    const fail = (e: Error) => {
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
      this.worker = undefined;
    };
    w.on('error', (e) => fail(e instanceof Error ? e : new Error(String(e))));
    w.on('exit', (code) => fail(new Error(`PDF 生成线程意外退出（退出码 ${code}）`)));
    this.worker = w;
    return w;
  }
}

const workers = new Map<string, PdfWorker>();
export function pdfWorker(fonts: PdfFontFiles): PdfWorker {
  const key = JSON.stringify(fonts);
  let w = workers.get(key);
  if (!w) workers.set(key, (w = new PdfWorker(fonts)));
  return w;
}
