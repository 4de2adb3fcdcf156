/** Saves a blob under a file name through an <a download>: no `downloads` permission needed. */
export function downloadBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(doc.createElement('a'), { href: url, download: fileName });
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // The download has started by the next task; a minute leaves slow disks room.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
