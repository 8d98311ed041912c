export * from "./providers/dns-zone";
