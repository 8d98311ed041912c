/**
 * The modules a TypeScript source imports, read with the TypeScript parser (so multi-line
 * imports, `export ... from`, `require()` and `import()` count and comments do not). Used by
 * the benchmark to find the import floor and by __tests__/lean-imports.test.ts.
 */
import * as fs from "fs";
import { builtinModules } from "module";
import * as path from "path";
import * as ts from "typescript";

/** One module specifier in a source file. */
export interface ModuleImport {
  readonly specifier: string;
  /** `import type` / `export type` (erased at compile time: loads nothing). */
  readonly typeOnly: boolean;
  /** 1-based line of the import. */
  readonly line: number;
}

/** Every module specifier `source` imports, re-exports or requires. */
export function moduleImports(source: string, fileName = "source.ts"): ModuleImport[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true);
  const found: ModuleImport[] = [];
  const add = (literal: ts.Node, typeOnly: boolean) => {
    if (!ts.isStringLiteralLike(literal)) return;
    found.push({ specifier: literal.text, typeOnly, line: file.getLineAndCharacterOfPosition(literal.getStart()).line + 1 });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const allNamedTypeOnly =
        clause !== undefined &&
        clause.name === undefined &&
        clause.namedBindings !== undefined &&
        ts.isNamedImports(clause.namedBindings) &&
        clause.namedBindings.elements.length > 0 &&
        clause.namedBindings.elements.every((element) => element.isTypeOnly);
      add(node.moduleSpecifier, clause?.isTypeOnly === true || allNamedTypeOnly);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier !== undefined) {
      add(node.moduleSpecifier, node.isTypeOnly);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.arguments.length === 1) {
      const callee = node.expression;
      if ((ts.isIdentifier(callee) && callee.text === "require") || callee.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0], false);
    } else if (ts.isImportTypeNode(node)) {
      const argument = node.argument;
      if (ts.isLiteralTypeNode(argument)) add(argument.literal, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/**
 * Whether `specifier` loads a provider package's root (its `lib/index.js` re-exports every
 * resource of the provider: thousands of files). Deep imports such as
 * `@cdktf/provider-aws/lib/route53-record` are fine.
 */
export function isProviderRootImport(specifier: string): boolean {
  return /^@cdktf\/provider-[^/]+(\/lib(\/index(\.js)?)?)?\/?$/.test(specifier);
}

/** Every `.ts` source file (not `.d.ts`) under `dir`, sorted. */
export function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(full));
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) files.push(full);
  }
  return files.sort();
}

const BUILTINS = new Set(builtinModules);

/**
 * The packages and package files that requiring `libDir/index.ts` loads at run time: the
 * non-type-only, non-relative, non-builtin specifiers of every file reachable from it
 * through relative imports. These are the benchmark's import floor.
 */
export function libraryModuleImports(libDir: string): string[] {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const pending = [path.join(libDir, "index.ts")];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const { specifier, typeOnly } of moduleImports(fs.readFileSync(file, "utf8"), file)) {
      if (typeOnly) continue;
      if (specifier.startsWith(".")) {
        const base = path.resolve(path.dirname(file), specifier);
        const target = [`${base}.ts`, path.join(base, "index.ts")].find((candidate) => fs.existsSync(candidate));
        if (target === undefined) throw new Error(`${file}: cannot resolve ${specifier}`);
        pending.push(target);
      } else if (!BUILTINS.has(specifier) && !specifier.startsWith("node:")) {
        packages.add(specifier);
      }
    }
  }
  return [...packages].sort();
}
