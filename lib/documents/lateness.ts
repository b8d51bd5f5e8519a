/**
 * Days late concern what the client owes: an invoice, an à-nouveau, another debit. A payment not yet lettered is
 * cash to apply, a credit note an amount to deduct: neither is ever « en retard ».
 */
export function canBeLate(type: string): boolean {
  return type !== "payment" && type !== "credit_note";
}
