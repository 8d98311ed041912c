import * as fs from "fs";
import * as path from "path";
import { documentedProps, readmePropsTable } from "./support/tsdoc-defaults";

const README = fs.readFileSync(path.join(__dirname, "..", "README.md"), "utf8");

describe.each(["MailConnectDomainProps", "DnsZoneOptions", "MailConnectFirewallProps"])("README props table of %s", (name) => {
  const props = documentedProps(name);
  const table = readmePropsTable(README, `<!-- props: ${name} -->`);

  test("lists every prop, and only those", () => {
    expect([...table.keys()].sort()).toEqual(props.map((p) => p.path).sort());
  });

  test("states each default exactly as the TSDoc @default does", () => {
    const mismatches = props.filter((p) => table.get(p.path) !== p.default).map((p) => ({ prop: p.path, tsdoc: p.default, readme: table.get(p.path) }));
    expect(mismatches).toEqual([]);
  });

  test("every optional prop has a @default", () => {
    expect(props.filter((p) => p.optional && p.default === "(no @default)").map((p) => p.path)).toEqual([]);
  });
});

test("the README names one Terraform minimum version", () => {
  const versions = new Set([...README.matchAll(/Terraform ≥ (\d+\.\d+)/g)].map((m) => m[1]));
  expect([...versions]).toEqual(["1.6"]);
});
