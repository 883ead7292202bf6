/**
 * The rest of a header line written in text: up to a CR or LF, their escapes `\r` `\n` (serialized text), a `…`
 * (the mark of a cut string, never part of a value), or the
 * `"` that ends the JSON string holding the header (one followed by `}`, `]`, or `,"` / `:"` as between JSON
 * members — a Digest header's own `"a", b="c"` quotes are kept inside). The alternatives are disjoint, so it is
 * read in linear time.
 */
export const LINE_REST = String.raw`(?:[^\r\n\\"…]|\\(?![rn])|"(?![ \t]*(?:[}\]]|[,:][ \t]*")))+`;
