/** The notice renderers the use cases take (NoticeRenderers): DOCX for staff, PDF for the record and the applicant. */
import type { NoticeRenderers } from '../../domain/requests/notices/generate-notice.js';

export { renderPrintHtml } from './render-print-html.js';

// Loaded on first use: docx and the PDF worker are heavy, and most server starts never render a notice
// (keeps `gongkai serve` cold start short; the build splits these into their own chunks).
export const documentRenderers: NoticeRenderers = {
  docx: async (doc) => (await import('./render-docx.js')).renderDocx(doc),
  pdf: async (doc) => (await import('./render-pdf.js')).renderPdf(doc),
};
