/**
 * The checks every provider's served records must pass, asked of the test BIND only: exactly
 * the planned RRsets (TXT: the same text, in the character-strings the provider writes), the
 * planned TTLs (dig), and what a receiver concludes with mailauth: SPF pass from
 * mail-connect's network and the planned result from outside, DKIM with the published key,
 * DMARC and its policy. The expectations come from the plan.
 */
import { MailConnectRecordPlan } from "../../lib/plan/record-plan";
import { bindResolver, digAnswers } from "./bind-query";
import { BindServer } from "./bind-server";
import { authenticateMessage, bindMailauthResolver, buildMessage, signMessage } from "./mail-auth";
import { MAIL_CONNECT_SENDER_IP } from "./mail-connect-zone";
import { answeredValues, expectedRrsets, ExpectedRrset } from "./plan-answers";
import { PlannedScenario } from "./scenario-zones";

const OUTSIDE_IP = "203.0.113.77";
const MAIL_CONNECT_HELO = "postausgang.mail-connect.net";

/** `text` in chunks of at most `bytes` bytes, from the start (ASCII text). */
export function chunkText(text: string, bytes: number): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length || chunks.length === 0; i += bytes) chunks.push(text.slice(i, i + bytes));
  return chunks;
}

/** The plan's RRsets with each TXT text in the provider's chunks. */
export function expectedServedRrsets(plan: MailConnectRecordPlan, txtChunkBytes: number): ExpectedRrset[] {
  return expectedRrsets(plan).map((set) =>
    set.type !== "TXT" ? set : { ...set, values: set.values.map((value) => chunkText((value as string[]).join(""), txtChunkBytes)).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) },
  );
}

/** Registers the served-record tests of every scenario against the server `server()` returns. */
export function describeServedScenarios(planned: readonly PlannedScenario[], server: () => BindServer, txtChunkBytes: number): void {
  describe.each(planned.map((p) => [p.scenario.id, p] as const))("%s", (_id, { scenario, plan }) => {
    const domain = scenario.domain;
    const sender = `news@${domain}`;

    test("the DNS answers every planned RRset with exactly the planned values", async () => {
      const resolver = bindResolver(server());
      const expected = expectedServedRrsets(plan, txtChunkBytes);
      const answered = await Promise.all(expected.map(async (set) => ({ ...set, values: await answeredValues(resolver, set.name, set.type) })));
      expect(answered).toEqual(expected);
    });

    test("every record carries the planned TTL", () => {
      const sets = expectedRrsets(plan);
      const answered = digAnswers(server(), sets).map((record) => `${record.name} ${record.type} ${record.ttl}`);
      expect(answered.sort()).toEqual(sets.flatMap((set) => set.values.map(() => `${set.name} ${set.type} ${set.ttl}`)).sort());
    });

    test(`SPF passes from mail-connect's network and gives "${scenario.spfOutside}" from outside`, async () => {
      const inside = await authenticateMessage(buildMessage(sender, "spf"), { ip: MAIL_CONNECT_SENDER_IP, sender, helo: MAIL_CONNECT_HELO }, bindMailauthResolver(server()));
      const outside = await authenticateMessage(buildMessage(sender, "spf outside"), { ip: OUTSIDE_IP, sender, helo: "mail.forger.invalid" }, bindMailauthResolver(server()));
      expect([inside.spf, outside.spf]).toEqual(["pass", scenario.spfOutside]);
    });

    test(`a forged unsigned message fails DMARC and the receiver applies p=${scenario.dmarcPolicy}`, async () => {
      const verdict = await authenticateMessage(buildMessage(sender, "forged"), { ip: OUTSIDE_IP, sender, helo: "mail.forger.invalid" }, bindMailauthResolver(server()));
      expect({ dmarc: verdict.dmarc, policy: verdict.dmarcPolicy }).toEqual({ dmarc: "fail", policy: scenario.dmarcPolicy });
    });

    const key = scenario.signingKey;
    if (key !== undefined) {
      test("a message signed with the published test key passes DKIM and DMARC", async () => {
        const message = await signMessage(buildMessage(sender, "signed"), domain, "mail-connect", key);
        const verdict = await authenticateMessage(message, { ip: MAIL_CONNECT_SENDER_IP, sender, helo: MAIL_CONNECT_HELO }, bindMailauthResolver(server()));
        expect({ spf: verdict.spf, dkim: verdict.dkim, dmarc: verdict.dmarc }).toEqual({ spf: "pass", dkim: [`d=${domain} s=mail-connect: pass`], dmarc: "pass" });
      });
    }
  });
}
