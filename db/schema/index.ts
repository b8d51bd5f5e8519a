export * from "./enums";
export * from "./organisation";
export * from "./clients";
export * from "./documents";
export * from "./relance";
export * from "./actions";
export * from "./collaboration";
export * from "./reporting";
