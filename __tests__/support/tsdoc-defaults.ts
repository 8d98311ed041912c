/**
 * The documented defaults of the public props, read from the TSDoc `@default` tags with the
 * TypeScript compiler, so the README's props tables can be checked against them.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const ROOT = path.join(__dirname, "..", "..");
const SOURCES = ["lib/mail-connect/options.ts", "lib/construct/mail-connect-domain.ts", "lib/firewall/firewall-props.ts", "lib/providers/zone-id-or-name.ts", "lib/providers/dns-provider-adapter.ts"];

/** One documented prop: its dotted path under the root interface and its `@default` text. */
export interface DocumentedProp {
  readonly path: string;
  readonly optional: boolean;
  /** The `@default` text without a leading `- `; `required` for a prop without `?`. */
  readonly default: string;
}

function interfaces(): Map<string, ts.InterfaceDeclaration> {
  const found = new Map<string, ts.InterfaceDeclaration>();
  for (const file of SOURCES) {
    const source = ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.ES2022, true);
    source.forEachChild((node) => {
      if (ts.isInterfaceDeclaration(node)) found.set(node.name.text, node);
    });
  }
  return found;
}

function defaultTag(member: ts.PropertySignature): string | undefined {
  for (const tag of ts.getJSDocTags(member)) {
    if (tag.tagName.text !== "default") continue;
    const text = typeof tag.comment === "string" ? tag.comment : ts.getTextOfJSDocComment(tag.comment) ?? "";
    return text.replace(/\s+/g, " ").trim().replace(/^- /, "");
  }
  return undefined;
}

/**
 * Every prop of interface `name`, nested option interfaces flattened to `spf.include`; members
 * of interfaces it extends are included. Props whose type is another documented interface are
 * listed themselves and recursed into.
 */
export function documentedProps(name: string, prefix = "", all = interfaces()): DocumentedProp[] {
  const declaration = all.get(name);
  if (declaration === undefined) throw new Error(`interface ${name} not found in ${SOURCES.join(", ")}`);
  const props: DocumentedProp[] = [];
  for (const clause of declaration.heritageClauses ?? []) {
    for (const type of clause.types) {
      const parent = type.expression.getText();
      if (all.has(parent)) props.push(...documentedProps(parent, prefix, all));
    }
  }
  for (const member of declaration.members) {
    if (!ts.isPropertySignature(member)) continue;
    const key = `${prefix}${member.name.getText()}`;
    const optional = member.questionToken !== undefined;
    const documented = defaultTag(member);
    props.push({ path: key, optional, default: optional ? documented ?? "(no @default)" : "required" });
    const typeName = member.type !== undefined && ts.isTypeReferenceNode(member.type) ? member.type.typeName.getText() : undefined;
    if (typeName !== undefined && all.has(typeName) && typeName.endsWith("Options")) props.push(...documentedProps(typeName, `${key}.`, all));
  }
  return props;
}

/**
 * The rows of the README table that follows the line `heading` (a `<!-- props: NAME -->`
 * marker): prop (without backticks) → default column.
 */
export function readmePropsTable(readme: string, marker: string): Map<string, string> {
  const lines = readme.split("\n");
  const start = lines.findIndex((line) => line.trim() === marker);
  if (start < 0) throw new Error(`README has no ${marker}`);
  const rows = new Map<string, string>();
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith("|")) {
      if (rows.size > 0) break;
      continue;
    }
    const cells = line.split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim());
    const prop = /^`([^`]+)`$/.exec(cells[0] ?? "");
    if (prop === null) continue; // header and separator rows
    rows.set(prop[1], (cells[cells.length - 1] ?? "").replace(/\\\|/g, "|"));
  }
  return rows;
}
