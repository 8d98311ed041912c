export * from "./mail-connect";
export * from "./errors";
export * from "./options";
export * from "./record-plan";
export * from "./cidr";
export { planMailConnectRecords, RECORD_OPTION_KEYS } from "./plan/plan-records";
export { splitCharacterStrings, MAX_CHARACTER_STRING_BYTES, MAX_TXT_TEXT_LENGTH } from "./plan/txt-strings";
