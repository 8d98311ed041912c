/**
 * A TypeScript program over files that exist only in memory (README blocks, generated apps),
 * resolving everything else from disk: one program for many files, type-checked together.
 */
import * as path from "path";
import * as ts from "typescript";

/** The program over `files` (absolute path → source text), with `options`. */
export function programWithVirtualFiles(files: ReadonlyMap<string, string>, options: ts.CompilerOptions): ts.Program {
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (file) => files.has(path.resolve(file)) || fileExists.call(host, file);
  host.readFile = (file) => files.get(path.resolve(file)) ?? readFile.call(host, file);
  host.getSourceFile = (file, language, ...rest) => {
    const text = files.get(path.resolve(file));
    return text !== undefined ? ts.createSourceFile(file, text, language, true) : getSourceFile.call(host, file, language, ...rest);
  };
  return ts.createProgram([...files.keys()], options, host);
}
