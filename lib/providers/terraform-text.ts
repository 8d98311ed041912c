/**
 * Reading a string attribute of synthesized Terraform JSON back into the text the provider
 * receives: `$${` is a literal `${` and `%%{` a literal `%{` (Terraform language docs,
 * "Strings and Templates"); an unescaped `${` or `%{` is an expression or directive, whose
 * value is not known at synth. The emulations of the providers read every value through it.
 */

/** The literal text Terraform passes to the provider, or undefined when `value` is not a literal string. */
export function terraformText(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  let out = "";
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if ((ch === "$" || ch === "%") && value[i + 1] === "{") return undefined;
    if ((ch === "$" || ch === "%") && value[i + 1] === ch && value[i + 2] === "{") {
      out += `${ch}{`;
      i += 2;
      continue;
    }
    out += ch;
  }
  return out;
}
