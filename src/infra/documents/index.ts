/** The notice renderers the use cases take (NoticeRenderers): DOCX for staff, PDF for the record and the applicant. */
import type { NoticeRenderers } from '../../domain/requests/notices/generate-notice.js';
import { renderDocx } from './render-docx.js';
import { renderPdf } from './render-pdf.js';

export { renderDocx } from './render-docx.js';
export { renderPdf, MissingFontError, DEBIAN_NOTO } from './render-pdf.js';
export { renderPrintHtml } from './render-print-html.js';

export const documentRenderers: NoticeRenderers = { docx: renderDocx, pdf: (doc) => renderPdf(doc) };
