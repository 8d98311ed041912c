/** The zone's import path of earlier versions, kept for apps that deep-import it: see providers/dns-zone.ts. */
export * from "./providers/dns-zone";
