// Hostile links for the decoder's limits, built directly (compressing their payloads
// would take minutes): an lz-string stream whose every code repeats everything so far
// plus one character, so the output grows with the square of the link's length.
const URI_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$";

/** lz-string URI-safe data of about `chars` characters that expands quadratically. */
export function lzBombData(chars: number): string {
  const bits: number[] = [];
  const put = (value: number, width: number) => {
    for (let i = 0; i < width; i++) bits.push((value >> i) & 1); // lz-string reads LSB first
  };
  put(0, 2); // an 8-bit literal
  put(97, 8); // "a"
  let dictSize = 4;
  let numBits = 3;
  let enlargeIn = 4;
  while (bits.length + numBits * 2 < chars * 6) {
    put(dictSize, numBits); // the entry about to be made: w + w[0] (cScSc case)
    dictSize++;
    if (--enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
  put(2, numBits); // end of stream
  while (bits.length % 6) bits.push(0);
  let out = "";
  for (let i = 0; i < bits.length; i += 6) {
    let v = 0;
    for (let k = 0; k < 6; k++) v = (v << 1) | bits[i + k]; // 6 bits per char, MSB first
    out += URI_SAFE[v];
  }
  return out;
}

/** Characters the lz bomb of `chars` characters expands to (1 + 2 + 3 + … per code). */
export function lzBombOutput(chars: number): number {
  let n = 1;
  let len = 1;
  let used = 10;
  let numBits = 3;
  let enlargeIn = 4;
  while (used + numBits * 2 < chars * 6) {
    used += numBits;
    len++;
    n += len;
    if (--enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
  return n;
}
