/**
 * The `tag=value; tag=value` lists of DKIM key records (RFC 6376 §3.2), which DMARC
 * records use as well (RFC 7489 §6.3).
 */

/** The tags in order, or why the list is invalid. */
export type TagListResult = { readonly tags: ReadonlyArray<readonly [string, string]> } | { readonly error: string };

/**
 * Parses a tag list. White space around tags and values is dropped; an empty last entry
 * (a trailing `;`) is allowed; a repeated tag makes the whole list invalid (RFC 6376 §3.2).
 */
export function parseTagList(text: string): TagListResult {
  const parts = text.split(";").map((p) => p.trim());
  if (parts.length > 1 && parts[parts.length - 1] === "") parts.pop();
  const tags: [string, string][] = [];
  for (const part of parts) {
    const eq = part.indexOf("=");
    if (eq <= 0) return { error: part === "" ? "an empty tag (two semicolons in a row)" : `"${part}" is not tag=value` };
    const name = part.slice(0, eq).trim();
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) return { error: `"${name}" is not a tag name` };
    if (tags.some(([n]) => n === name)) return { error: `the tag "${name}" appears twice` };
    tags.push([name, part.slice(eq + 1).trim()]);
  }
  return { tags };
}

/** The value of `name` in a parsed list, or undefined. */
export function tagValue(tags: ReadonlyArray<readonly [string, string]>, name: string): string | undefined {
  return tags.find(([n]) => n === name)?.[1];
}
