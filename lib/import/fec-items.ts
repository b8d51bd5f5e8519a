import { parseAmount } from "./amount";
import { addDaysToDate, parseDate } from "./date";
import { fromCents, toCents } from "./decimal";
import type { DocumentType } from "./document-type";
import type { FecColumn, FecLine } from "./fec";
import type { ParseResult } from "./result";
import type { ClientRow, DocumentRow, RowError } from "./rows";

export type FecOptions = { paymentTermsDays: (clientCode: string) => number };
export type FecItems = {
  clients: ClientRow[];
  documents: DocumentRow[];
  errors: RowError[];
  linesRead: number;
  customerLines: number;
};

const BANK_JOURNAL_CODE = /^(?:BQ|BAN|CAI)/i;
const BANK_JOURNAL_LABEL = /banque|caisse|tr[ée]sorerie|\bbank/i;
const SETTLEMENT_LABEL = new RegExp(
  "^(?:r[eè]glement|r[eè]glt|rgl?t|virement|vir\\b|vrt|ch[eè]que|chq|encaissement|remise|" +
    "pr[eé]l[eè]vement|prlv|lcr|paiement|cb\\b)",
  "i",
);

type Piece = {
  row: number;
  clientCode: string;
  number: string;
  payment: boolean;
  issueDate: string;
  cents: bigint;
  openCents: bigint;
  hasOpenLines: boolean;
  settledOn: string;
  /** Lettering codes of lines settled without a DateLet: their group's latest date decides. */
  undatedLetters: string[];
};

/**
 * Collects the customer items of a FEC line by line, so a large file never sits in memory: lines on
 * accounts 411* with an auxiliary account; one document per (client, piece number, sales or settlement),
 * lines summed; open while a line is unlettered, otherwise settled on DateLet or, without it, on the latest
 * EcritureDate of its lettering group.
 */
export function createFecCollector(options: FecOptions) {
  const clients = new Map<string, ClientRow>();
  const pieces = new Map<string, Piece>();
  const groupLatest = new Map<string, string>();
  const errors: RowError[] = [];
  let linesRead = 0;
  let customerLines = 0;

  const value = <T>(line: FecLine, column: FecColumn, result: ParseResult<T>) => {
    if (result.ok) return result.value;
    errors.push({ row: line.row, column, value: line[column], reason: result.reason });
    return undefined;
  };

  function add(line: FecLine) {
    linesRead++;
    if (!line.CompteNum.startsWith("411") || line.CompAuxNum === "") return;
    customerLines++;
    const debit = value(line, "Debit", parseAmount(line.Debit));
    const credit = value(line, "Credit", parseAmount(line.Credit));
    const entryDate = value(line, "EcritureDate", parseDate(line.EcritureDate));
    const pieceDate = line.PieceDate ? value(line, "PieceDate", parseDate(line.PieceDate)) : entryDate;
    const letteredOn = line.DateLet ? value(line, "DateLet", parseDate(line.DateLet)) : null;
    if (debit === undefined || credit === undefined || !entryDate || !pieceDate || letteredOn === undefined) return;

    const clientCode = line.CompAuxNum;
    const client = clients.get(clientCode);
    if (!client) clients.set(clientCode, clientRow(line, options.paymentTermsDays(clientCode)));
    else if (client.name === client.code && line.CompAuxLib) client.name = line.CompAuxLib;

    const cents = toCents(debit ?? "0") - toCents(credit ?? "0");
    const number = line.PieceRef || line.EcritureNum;
    const payment = isSettlement(line, cents);
    const key = `${clientCode}\u0000${payment ? "P" : "S"}\u0000${number}`;
    let piece = pieces.get(key);
    if (!piece) {
      piece = {
        row: line.row, clientCode, number, payment, issueDate: pieceDate, cents: 0n, openCents: 0n,
        hasOpenLines: false, settledOn: "", undatedLetters: [],
      };
      pieces.set(key, piece);
    }
    piece.cents += cents;
    if (pieceDate < piece.issueDate) piece.issueDate = pieceDate;
    const letter = line.EcritureLet;
    if (letter === "") {
      piece.hasOpenLines = true;
      piece.openCents += cents;
      return;
    }
    const group = `${clientCode}\u0000${letter}`;
    if ((groupLatest.get(group) ?? "") < entryDate) groupLatest.set(group, entryDate);
    if (letteredOn) {
      if (letteredOn > piece.settledOn) piece.settledOn = letteredOn;
    } else piece.undatedLetters.push(group);
  }

  function finish(): FecItems {
    const documents: DocumentRow[] = [];
    for (const piece of pieces.values()) {
      let settledDate: string | null = null;
      if (!piece.hasOpenLines) {
        settledDate = piece.settledOn;
        for (const group of piece.undatedLetters) {
          const latest = groupLatest.get(group) ?? "";
          if (latest > settledDate) settledDate = latest;
        }
      }
      const type = documentType(piece);
      const terms = type === "invoice" ? options.paymentTermsDays(piece.clientCode) : 0;
      documents.push({
        row: piece.row, entityCode: null, clientCode: piece.clientCode, type, number: piece.number, reference: null,
        issueDate: piece.issueDate, dueDate: addDaysToDate(piece.issueDate, terms), amount: fromCents(piece.cents),
        openAmount: fromCents(piece.openCents), currency: null, settledDate,
      });
    }
    return { clients: [...clients.values()], documents, errors, linesRead, customerLines };
  }

  return { add, finish };
}

/** Customer items of a whole FEC held in memory (tests, small files); large files use the collector. */
export function fecCustomerItems(lines: Iterable<FecLine>, options: FecOptions): FecItems {
  const collector = createFecCollector(options);
  for (const line of lines) collector.add(line);
  return collector.finish();
}

function documentType(piece: Piece): DocumentType {
  if (piece.payment) return "payment";
  return piece.cents > 0n ? "invoice" : piece.cents < 0n ? "credit_note" : "other";
}

/** A line from a bank or cash journal, or a credit whose label names a means of payment. */
function isSettlement(line: FecLine, cents: bigint): boolean {
  if (BANK_JOURNAL_CODE.test(line.JournalCode) || BANK_JOURNAL_LABEL.test(line.JournalLib)) return true;
  return cents < 0n && SETTLEMENT_LABEL.test(line.EcritureLib);
}

function clientRow(line: FecLine, paymentTermsDays: number): ClientRow {
  return {
    row: line.row, entityCode: null, code: line.CompAuxNum, name: line.CompAuxLib || line.CompAuxNum, siren: null,
    siret: null, vatNumber: null, address: null, postalCode: null, city: null, country: null, phone: null, email: null,
    paymentTermsDays, creditLimit: null, collectorEmail: null, salesRepEmail: null, customFields: {},
  };
}
