/**
 * Provider configs as null-prototype objects. The generated provider classes read every
 * optional attribute of a config (`config.comment`, `data.selector`, `config.healthCheckId`, ...)
 * with a plain property access, so a dependency that pollutes `Object.prototype` with such a
 * name would add that attribute to every record. A config without a prototype holds only what
 * the renderer put in.
 */

/** `config` (and every plain object in it) rebuilt without a prototype. */
export function ownConfig<T extends object>(config: T): T {
  const out = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(config)) {
    if (value === undefined) continue;
    out[key] = value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype ? ownConfig(value as object) : value;
  }
  return out as T;
}
