export * from "./published-rrsets";
export * from "./unpublishable-error";
export { parseQuotedStrings } from "./character-strings";
