import { z } from "zod";

/** Query parameter shapes shared by the lists of the open API. */
export const booleanParam = z
  .enum(["true", "false"], { error: "« true » ou « false » attendu." })
  .transform((v) => v === "true")
  .optional();

export const amountParam = z.coerce.number({ error: "Un nombre est attendu." }).min(0, "Au moins 0.").max(1e12).optional();

export const dateParam = z.iso.date({ error: "Date AAAA-MM-JJ attendue." }).optional();

export const orderParam = z.enum(["asc", "desc"], { error: "« asc » ou « desc » attendu." }).optional();
