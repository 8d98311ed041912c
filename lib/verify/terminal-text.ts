/**
 * Text for a terminal: DNS data made harmless (every control character, C1 control, and
 * bidirectional or invisible format character shown as an escape, so a TXT record holding
 * `ESC[2J` cannot rewrite the user's screen), long values shortened around the part that
 * differs, prose wrapped to the width, IDN domains shown as Unicode beside their punycode.
 */
import { domainToUnicode } from "url";

/**
 * C0 controls, DEL, C1 controls (U+0080-U+009F: U+009B is a one-byte CSI on some terminals),
 * bidirectional overrides and isolates (Trojan Source, CVE-2021-42574), zero-width and other
 * format characters, line and paragraph separators.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

/** `text` with every unsafe character written as `\xHH` or `\u{HHHH}` (see {@link UNSAFE}). */
export function printable(text: string): string {
  return text.replace(UNSAFE, (ch) => {
    const code = ch.codePointAt(0)!;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u{${code.toString(16)}}`;
  });
}

/** Columns a (printable) string takes: one per code point. */
export function columns(text: string): number {
  return [...text].length;
}

/**
 * `text` cut to `max` columns with "…", keeping the start and the end; when `focus` (the index
 * of the first character that differs from the value it is compared with) would be cut away,
 * the part around it stays visible too: `"v=spf1 include:…t.net -all"`.
 */
export function elide(text: string, max: number, focus?: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  if (max < 8) return `${chars.slice(0, Math.max(0, max - 1)).join("")}…`;
  const head = Math.ceil((max - 1) * 0.5);
  const tail = max - 1 - head;
  if (focus === undefined || focus < head || focus >= chars.length - tail) {
    return `${chars.slice(0, head).join("")}…${chars.slice(chars.length - tail).join("")}`;
  }
  // start … around the difference … end
  const side = Math.floor((max - 2) / 4);
  const window = max - 2 - 2 * side;
  const from = Math.min(Math.max(side, focus - Math.floor(window / 3)), chars.length - side - window);
  return `${chars.slice(0, side).join("")}…${chars.slice(from, from + window).join("")}…${chars.slice(chars.length - side).join("")}`;
}

/** The index of the first character where `a` and `b` differ, or undefined when equal. */
export function firstDifference(a: string, b: string): number | undefined {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if (x[i] !== y[i]) return i;
  return undefined;
}

/** Prose wrapped at spaces to `width` columns (a word longer than the width is elided). */
export function wrap(text: string, width: number): string[] {
  if (!Number.isFinite(width) || columns(text) <= width) return [text];
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    const piece = columns(word) > width ? elide(word, width) : word;
    if (line === "") line = piece;
    else if (columns(line) + 1 + columns(piece) <= width) line += ` ${piece}`;
    else {
      lines.push(line);
      line = piece;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** A domain for people: `müller.de (xn--mller-kva.de)` for an IDN, else the name itself. */
export function displayDomain(ascii: string): string {
  const unicode = domainToUnicode(ascii);
  return unicode !== "" && unicode !== ascii ? `${printable(unicode)} (${ascii})` : printable(ascii);
}

/**
 * JSON text with the characters terminals treat specially (C1 controls, bidirectional and
 * invisible format characters) written as `\u` escapes, which JSON readers turn back into
 * the same text. (`JSON.stringify` escapes C0 controls itself.)
 */
export function terminalSafeJson(json: string): string {
  return json.replace(/[\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
