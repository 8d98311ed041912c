export * from "./mail-connect";
export * from "./errors";
export * from "./options";
export * from "./record-plan";
export * from "./cidr";
