import bcrypt from "bcryptjs";

const COST = 10;

/**
 * A hash of a random password nobody knows, at the same cost as real ones: an unknown e-mail is compared with it,
 * so it takes as long to refuse as a wrong password and the timing does not tell which e-mails have an account.
 */
export const unknownUserHash = "$2b$10$Gc6jeiMRjrUwKr5fEp5AMuS6YoNfZqvOyCB67EgmoarULlyQO/3/S";

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
