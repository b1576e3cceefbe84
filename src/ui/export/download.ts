// Downloads through a Blob and an object URL (revoked shortly after the click).
export function downloadBlob(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(data instanceof Blob ? data : new Blob([data], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}

/** A file-name-safe stem ("my example" → "my-example"). */
export function stem(name: string, fallback = "playground"): string {
  const s = name.replace(/[^A-Za-z0-9_.-]+/g, "-").replace(/^-+|-+$/g, "");
  return s || fallback;
}
