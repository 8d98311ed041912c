/**
 * `allowOverwrite` exists only where the provider has an overwrite switch (Route53's
 * `allow_overwrite`); every other adapter refuses it with this reason.
 */
import { ValidationReason } from "../errors";
import { PublishSettings } from "./dns-provider-adapter";

/** The reason for an `allowOverwrite` that the provider cannot honour (`why`: what it lacks; `fix`: how to adopt instead). */
export function noOverwriteReasons(settings: PublishSettings, why: string, fix: string): ValidationReason[] {
  if (settings.allowOverwrite === undefined) return [];
  return [{ path: "allowOverwrite", value: settings.allowOverwrite, rule: `exists only on Route53 (${why})`, fix }];
}
