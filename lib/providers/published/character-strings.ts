/**
 * Reading TXT character-strings in RFC 1035 §5.1 presentation form (`"a" "b"`, with `\"`,
 * `\\` and `\DDD` escapes), as Cloudflare accepts them in `content`.
 */

/** The strings of a presentation-form TXT value, or an error text if it cannot be read. */
export function parseQuotedStrings(text: string): { strings: string[] } | { error: string } {
  const strings: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === " " || text[i] === "\t") {
      i++;
      continue;
    }
    if (text[i] !== '"') return { error: `unquoted text after character-string ${strings.length}` };
    i++;
    const bytes: number[] = [];
    let closed = false;
    while (i < text.length) {
      const ch = text[i];
      if (ch === '"') {
        closed = true;
        i++;
        break;
      }
      if (ch === "\\") {
        const digits = text.slice(i + 1, i + 4);
        if (/^[0-9]{3}$/.test(digits)) {
          bytes.push(Number(digits));
          i += 4;
        } else if (i + 1 < text.length) {
          bytes.push(...Buffer.from(text[i + 1], "utf8"));
          i += 2;
        } else {
          return { error: "a backslash at the end" };
        }
        continue;
      }
      bytes.push(...Buffer.from(ch, "utf8"));
      i++;
    }
    if (!closed) return { error: "an unclosed double quote" };
    if (i < text.length && text[i] !== " " && text[i] !== "\t") return { error: "no space between character-strings" };
    strings.push(Buffer.from(bytes).toString("utf8"));
  }
  if (strings.length === 0) return { error: "no character-string" };
  return { strings };
}
