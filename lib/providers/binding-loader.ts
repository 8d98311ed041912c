/**
 * Provider bindings are loaded on first use, never when the library is imported: an app
 * installs only the binding of the provider it uses (`@cdktf/provider-dns`, `-azurerm`,
 * `-google`), and a missing one fails with the command that installs it. Each class is
 * required by its deep path (a package root loads thousands of modules; see
 * __tests__/lean-imports.test.ts).
 * Every binding is an optional peer dependency (package.json `peerDependenciesMeta`); the
 * adapters and the firewall load their classes through `lazyBindingClass`.
 */
import type { Construct } from "constructs";
import type { TerraformResource } from "cdktf";

/** A binding package and the version range this library is written against. */
export interface BindingPackage {
  readonly packageName: string;
  readonly range: string;
}

/**
 * The binding packages, and the major version ranges this library is written against
 * (package.json `peerDependencies`): one per DNS provider, and AWS's also for the firewall.
 */
export const PROVIDER_BINDINGS = {
  cloudflare: { packageName: "@cdktf/provider-cloudflare", range: "^13" },
  aws: { packageName: "@cdktf/provider-aws", range: "^21" },
  dns: { packageName: "@cdktf/provider-dns", range: "^9" },
  azurerm: { packageName: "@cdktf/provider-azurerm", range: "^14" },
  google: { packageName: "@cdktf/provider-google", range: "^16" },
} as const satisfies Record<string, BindingPackage>;

/** Thrown when a provider's resources are needed and its binding package is not installed. */
export class BindingNotInstalledError extends Error {
  /** The package to install, e.g. `@cdktf/provider-dns`. */
  public readonly packageName: string;

  constructor(binding: BindingPackage, neededFor: string) {
    super(
      `${neededFor} needs the package ${binding.packageName}, which is not installed. ` +
        `Install it in your app: npm install ${binding.packageName}@${binding.range}`,
    );
    this.name = "BindingNotInstalledError";
    this.packageName = binding.packageName;
    Object.setPrototypeOf(this, BindingNotInstalledError.prototype);
  }
}

/** A binding resource or data-source class: `new Class(scope, id, config)`. */
export type BindingClass = new (scope: Construct, id: string, config: never) => TerraformResource;

/** Whether `error` says that `packageName` itself (not something inside it) could not be found. */
function isMissingPackage(error: unknown, packageName: string): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === "MODULE_NOT_FOUND" && typeof message === "string" && message.startsWith(`Cannot find module '${packageName}/`);
}

/** `load()` once, remembered; a missing package becomes a `BindingNotInstalledError`. */
export function lazyBindingClass<T>(binding: BindingPackage, neededFor: string, load: () => T): () => T {
  let loaded: T | undefined;
  return () => {
    if (loaded !== undefined) return loaded;
    try {
      loaded = load();
    } catch (error) {
      if (isMissingPackage(error, binding.packageName)) throw new BindingNotInstalledError(binding, neededFor);
      throw error;
    }
    return loaded;
  };
}
