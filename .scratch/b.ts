import LZString from "lz-string";
import { lzBombData, lzBombOutput } from "../tests/links/bombs.ts";
for (const n of [100, 3000, 3001, 10000]) {
  const d = lzBombData(n);
  const t = LZString.decompressFromEncodedURIComponent(d);
  console.log(n, d.length, t?.length, lzBombOutput(n), t?.slice(0, 10));
}
