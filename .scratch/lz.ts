import LZString from "lz-string";
for (const M of [1e5, 1e6, 2e6, 4e6, 8e6]) {
  const s = "a".repeat(M);
  const z = LZString.compressToEncodedURIComponent(s);
  const t0 = Date.now();
  const back = LZString.decompressFromEncodedURIComponent(z);
  console.log(M, z.length, back!.length, Date.now() - t0, "ms");
}
