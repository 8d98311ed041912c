/**
 * What Terraform makes of a string in its JSON configuration: a template, in which `$${` and
 * `%%{` are escapes for a literal `${` and `%{`, and an unescaped `${` (interpolation) or `%{`
 * (directive) is evaluated (Terraform language docs, "Strings and Templates"). Checked with
 * Terraform 1.x: `"$$${x}"` gives `$${x}`, `"a%%%{b"` gives `a%%{b`: of a run of `$` (or `%`)
 * before `{`, the last two are the escape.
 */

/** The literal text of a Terraform string, or undefined when Terraform would evaluate part of it. */
export function terraformTemplateLiteral(value: string): string | undefined {
  if (!value.includes("{")) return value;
  let evaluated = false;
  const undo = (run: string): string => {
    if (run.length === 1) evaluated = true;
    return `${run.slice(1)}{`;
  };
  const text = value.replace(/(\$+)\{/g, (_match, run: string) => undo(run)).replace(/(%+)\{/g, (_match, run: string) => undo(run));
  return evaluated ? undefined : text;
}
