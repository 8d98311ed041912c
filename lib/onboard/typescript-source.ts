/**
 * Writing TypeScript source from data that may be hostile (TXT values, host names and notes
 * read from live DNS): string literals only through `JSON.stringify` with everything outside
 * printable ASCII escaped, comments on one line with every control, format and line-separator
 * character escaped, and object keys that cannot set a prototype. Nothing here imports cdktf.
 */

/** Outside printable ASCII: written as `\uXXXX` (per UTF-16 unit; a surrogate pair stays one character). */
const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/g;

/**
 * Ends a `//` comment or hides text: controls, format characters (bidirectional overrides,
 * zero-width), unassigned and surrogate code points, and U+2028/U+2029, which ECMAScript
 * counts as line terminators.
 */
const UNSAFE_IN_COMMENT = /[\p{C}\p{Zl}\p{Zp}]/gu;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The longest comment text written from data; longer text is cut with `...`. */
const MAX_COMMENT_LENGTH = 160;

function unicodeEscape(character: string): string {
  return [...Array(character.length).keys()].map((index) => `\\u${character.charCodeAt(index).toString(16).padStart(4, "0")}`).join("");
}

/** A TypeScript string literal that evaluates to exactly `text`, in printable ASCII. */
export function tsString(text: string): string {
  return JSON.stringify(text).replace(NOT_PRINTABLE_ASCII, unicodeEscape);
}

/** Text for a `//` comment: one line, whatever `text` holds (data from DNS included), at most 160 characters. */
export function commentText(text: string): string {
  const safe = text.replace(UNSAFE_IN_COMMENT, unicodeEscape).trim();
  if (safe.length <= MAX_COMMENT_LENGTH) return safe;
  // Never between the two halves of a surrogate pair (an emoji): a lone half is no character.
  const cut = MAX_COMMENT_LENGTH - 3;
  const high = /[\ud800-\udbff]/.test(safe.charAt(cut - 1));
  return `${safe.slice(0, high ? cut - 1 : cut)}...`;
}

/**
 * A property key in an object literal: bare when it is an identifier, else a string literal;
 * `__proto__` as a computed key, because `{ "__proto__": x }` sets the prototype instead of
 * making a property.
 */
export function tsKey(key: string): string {
  if (key === "__proto__") return `[${tsString(key)}]`;
  return IDENTIFIER.test(key) ? key : tsString(key);
}

/** Where a value sits in the options (`spf.include[1]`), for comments and key order. */
export type ValuePath = string;

/** How `tsValue` lays out a value. */
export interface TsValueLayout {
  /**
   * A comment for the value at `path`: above a multi-line value, after a one-line one.
   * @default - no comments
   */
  readonly commentFor?: (path: ValuePath) => string | undefined;
  /**
   * The order of an object's keys at `path` (keys not named follow in their own order).
   * @default - the object's own order
   */
  readonly keyOrder?: (path: ValuePath) => readonly string[] | undefined;
  /**
   * Widest one-line array (characters, indent included); wider ones get a line per entry.
   * @default 110
   */
  readonly width?: number;
}

const INDENT = "  ";

function childPath(path: ValuePath, key: string | number): ValuePath {
  if (typeof key === "number") return `${path}[${key}]`;
  return path === "" ? key : `${path}.${key}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof TsCode) && !(value instanceof TsCall);
}

/** An expression written as it is (a constant's name); never built from data. */
export class TsCode {
  constructor(
    /** The expression, e.g. `AZURE_RESOURCE_GROUP`. */
    public readonly code: string,
  ) {}
}

/** A call with one argument, laid out like any other value (`RecordAdoption.route53([...])`). */
export class TsCall {
  constructor(
    /** What is called, e.g. `RecordAdoption.route53`. */
    public readonly callee: string,
    /** The one argument, laid out by `tsValueLines`. */
    public readonly argument: unknown,
  ) {}
}

function isOneLine(value: unknown): boolean {
  return value instanceof TsCode || (!isPlainObject(value) && !Array.isArray(value) && !(value instanceof TsCall));
}

function primitive(value: unknown): string {
  if (value instanceof TsCode) return value.code;
  if (typeof value === "string") return tsString(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : tsString(String(value));
  if (typeof value === "boolean" || value === null) return String(value);
  if (value === undefined) return "undefined";
  // Options are plain data; anything else is written as its text, which the type check then flags.
  return tsString(String(value));
}

/**
 * The lines of `value` as a TypeScript expression, the first line without indent (it follows
 * `key: `), the others indented for `depth`; the last line gets `suffix` (`,`).
 */
export function tsValueLines(value: unknown, depth: number, layout: TsValueLayout = {}, path: ValuePath = "", suffix = ""): string[] {
  const pad = INDENT.repeat(depth);
  const inner = INDENT.repeat(depth + 1);
  const width = layout.width ?? 110;
  const entryLines = (entryPath: ValuePath, lead: string, entry: unknown): string[] => {
    const lines = tsValueLines(entry, depth + 1, layout, entryPath, ",");
    const comment = layout.commentFor?.(entryPath);
    if (comment === undefined) return [`${inner}${lead}${lines[0]}`, ...lines.slice(1)];
    if (lines.length === 1) return [`${inner}${lead}${lines[0]} // ${commentText(comment)}`];
    return [`${inner}// ${commentText(comment)}`, `${inner}${lead}${lines[0]}`, ...lines.slice(1)];
  };
  const annotated = (paths: readonly ValuePath[]) => paths.some((entryPath) => layout.commentFor?.(entryPath) !== undefined);
  // A one-line form where it fits; `lead` and `suffix` count, the key before it is allowed for.
  const fits = (oneLine: string) => pad.length + INDENT.length + 24 + oneLine.length <= width;
  if (value instanceof TsCall) {
    const lines = tsValueLines(value.argument, depth, layout, path, `)${suffix}`);
    return [`${value.callee}(${lines[0]}`, ...lines.slice(1)];
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return [`[]${suffix}`];
    const paths = value.map((_, index) => childPath(path, index));
    if (!annotated(paths) && value.every(isOneLine)) {
      const oneLine = `[${value.map(primitive).join(", ")}]${suffix}`;
      if (fits(oneLine)) return [oneLine];
    }
    return ["[", ...value.flatMap((entry, index) => entryLines(paths[index], "", entry)), `${pad}]${suffix}`];
  }
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    const order = layout.keyOrder?.(path) ?? [];
    const sorted = [...order.filter((key) => keys.includes(key)), ...keys.filter((key) => !order.includes(key))];
    if (sorted.length === 0) return [`{}${suffix}`];
    const paths = sorted.map((key) => childPath(path, key));
    if (!annotated(paths) && sorted.every((key) => isOneLine(value[key]))) {
      const oneLine = `{ ${sorted.map((key) => `${tsKey(key)}: ${primitive(value[key])}`).join(", ")} }${suffix}`;
      if (fits(oneLine)) return [oneLine];
    }
    return ["{", ...sorted.flatMap((key, index) => entryLines(paths[index], `${tsKey(key)}: `, value[key])), `${pad}}${suffix}`];
  }
  return [`${primitive(value)}${suffix}`];
}
