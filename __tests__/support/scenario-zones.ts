/**
 * Turns scenarios into the zones the test named serves. Where the zone text comes from is a
 * parameter (`ZoneSource`): today the plan through `toZoneFile`; the provider round-trip
 * will pass a source that reads synthesized Terraform JSON into RRsets and writes them
 * with `rrsetsToZoneFile`. The expectations stay those of the plan either way.
 */
import { planMailConnectRecords } from "../../lib/plan/plan-records";
import { MailConnectRecordPlan } from "../../lib/plan/record-plan";
import { toZoneFile } from "../../lib/zone-file";
import { BindZone } from "./bind-server";
import { TEST_ZONE_SOA } from "./mail-connect-zone";
import { MailScenario } from "./mail-scenarios";

/** A scenario with the plan the planner made for it. */
export interface PlannedScenario {
  readonly scenario: MailScenario;
  readonly plan: MailConnectRecordPlan;
}

/** Produces a complete zone file (SOA and NS included) for one scenario. */
export type ZoneSource = (planned: PlannedScenario) => string;

/** The library's own export: the plan through `toZoneFile`, with the test SOA/NS header. */
export const zoneFromPlan: ZoneSource = ({ scenario, plan }) => toZoneFile(plan, { origin: scenario.origin, soa: TEST_ZONE_SOA });

/** Plans every scenario with the real planner. */
export function planScenarios(scenarios: readonly MailScenario[]): PlannedScenario[] {
  return scenarios.map((scenario) => ({ scenario, plan: planMailConnectRecords(scenario.options) }));
}

/** One zone per scenario (origins must differ: one zone file per origin). */
export function scenarioZones(planned: readonly PlannedScenario[], source: ZoneSource = zoneFromPlan): BindZone[] {
  const origins = planned.map((p) => p.scenario.origin);
  const duplicate = origins.find((origin, i) => origins.indexOf(origin) !== i);
  if (duplicate !== undefined) throw new Error(`two scenarios use the zone "${duplicate}"; give each its own origin`);
  return planned.map((p) => ({ origin: p.scenario.origin, zoneFileText: source(p) }));
}
