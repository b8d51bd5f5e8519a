import type { Role } from "./roles";

/** Who is asking, and which clients they may see: every query in db/queries takes one. */
export type Scope = {
  userId: string;
  role: Role;
  /** Entities the user belongs to (a manager sees their clients only). */
  entityIds: string[];
  /** For a collector: themselves plus the collectors they cover during an absence. */
  collectorIds: string[];
};
