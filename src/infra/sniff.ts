
/**
 * The MIME type a file's bytes say it is (magic numbers, and for OOXML the zip's content), via `file-type`
 * rather than hand-written signatures. OLE compound files (.doc/.xls) are reported as application/x-cfb.
 */
export async function sniffMime(data: Buffer): Promise<string | undefined> {
  const { fileTypeFromBuffer } = await import('file-type'); // loaded on first upload
  return (await fileTypeFromBuffer(data))?.mime;
}
