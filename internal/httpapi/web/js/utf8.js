// utf8.js converts the UTF-8 byte offsets dyad stores into the UTF-16 code
// unit indexes that JavaScript strings use. They differ as soon as the text
// holds anything but ASCII: a curly quote is 3 bytes but 1 unit, a
// no-break space 2 bytes and 1 unit, an emoji 4 bytes and 2 units.

// utf8Length returns the length of a code point in UTF-8.
function utf8Length(cp) {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

// byteIndexer returns a function from a byte offset into text (as UTF-8)
// to the index of the same place in the JavaScript string. An offset
// inside a character maps to the character's start; offsets past the end
// map to the end.
export function byteIndexer(text) {
  let total = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i);
    total += utf8Length(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  const map = new Uint32Array(total + 1);
  let b = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i);
    const n = utf8Length(cp);
    for (let k = 0; k < n; k++) map[b + k] = i;
    b += n;
    i += cp > 0xffff ? 2 : 1;
  }
  map[total] = text.length;
  return (offset) => (offset <= 0 ? 0 : offset >= total ? text.length : map[offset]);
}

// sliceBytes returns the part of text between two byte offsets.
export function sliceBytes(text, start, end) {
  const at = byteIndexer(text);
  return text.slice(at(start), at(end));
}
