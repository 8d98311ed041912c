/**
 * The zone name checks the adapters share: a literal apex name, normalised (IDN → punycode,
 * lowercase, no trailing dot), and every domain published in the zone at or under it.
 */
import { Token } from "cdktf";
import { ValidationReason } from "../errors";
import { isWithinDomain, normaliseHostName } from "../plan/host-names";

/** The normalised zone name, or the reasons it is not one (`required`: a missing name is a reason). */
export function checkZoneName(value: unknown, factory: string, required: boolean): { name?: string; reasons: ValidationReason[] } {
  if (value === undefined && !required) return { reasons: [] };
  if (typeof value === "string" && Token.isUnresolved(value)) {
    return {
      reasons: [{ path: "zone.zoneName", value, rule: `must be a literal for ${factory}: record names are written relative to it`, fix: 'Pass the zone\'s apex name as text, e.g. zoneName: "firma.de".' }],
    };
  }
  const normalised = normaliseHostName(value, 2);
  if (normalised.ok) return { name: normalised.ascii, reasons: [] };
  return { reasons: [{ path: "zone.zoneName", value, rule: value === undefined ? `is required for ${factory}` : normalised.rule, fix: 'Pass the zone\'s apex name, e.g. zoneName: "firma.de".' }] };
}

/** Problems with publishing `domain` in the zone `zoneName` (both normalised). */
export function zoneDomainReasons(zoneName: string | undefined, domain: string): ValidationReason[] {
  if (zoneName === undefined || isWithinDomain(domain, zoneName)) return [];
  return [
    {
      path: "zone.zoneName",
      value: zoneName,
      rule: `must be the domain "${domain}" or one of its parent domains`,
      fix: `Publish "${domain}" in its own zone (the zone whose apex is "${domain}" or a parent of it).`,
    },
  ];
}
