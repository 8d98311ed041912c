/**
 * Every string a renderer writes into a resource attribute is a Terraform template: Terraform
 * would evaluate `${...}` (interpolation) and `%{...}` (directives) in it, so a TXT value such
 * as `verify=${path.cwd}` would publish the working directory, and a lone `${` would fail the
 * plan. The library's one rule: user text is escaped, `${` → `$${` and `%{` → `%%{`, which
 * Terraform reads back as the literal text (Terraform language docs, "Strings and Templates":
 * "$${" and "%%{" are the escapes for literal "${" and "%{").
 */

/** `text` as a Terraform string that Terraform reads as exactly `text`. */
export function terraformLiteral(text: string): string {
  if (!text.includes("{")) return text;
  // Function replacements: in a replacement string "$$" would itself mean "$".
  return text.replace(/\$\{/g, () => "$${").replace(/%\{/g, () => "%%{");
}
