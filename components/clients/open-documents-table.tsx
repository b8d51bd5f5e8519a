import { DaysLateCell, DocumentNumberCell } from "@/components/documents/document-cells";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDate, formatMoney } from "@/lib/format/fr";


type Row = {
  id: number;
  type: string;
  number: string;
  issueDate: string;
  dueDate: string;
  amount: string;
  openAmount: string;
  disputed: boolean;
  daysLate: number;
};

export function OpenDocumentsTable({ documents }: { documents: Row[] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Pièces ouvertes</CardTitle>
      </CardHeader>
      <CardContent className="p-0">
        {documents.length === 0 ? (
          <p className="px-6 pb-6 text-sm text-muted-foreground">Aucune pièce ouverte : ce client est à jour.</p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Pièce</TableHead>
                <TableHead>Date</TableHead>
                <TableHead>Échéance</TableHead>
                <TableHead className="text-right">Montant</TableHead>
                <TableHead className="text-right">Reste dû</TableHead>
                <TableHead className="text-right">Retard</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {documents.map((doc) => (
                <TableRow key={doc.id}>
                  <DocumentNumberCell doc={doc} />
                  <TableCell>{formatDate(doc.issueDate)}</TableCell>
                  <TableCell>{formatDate(doc.dueDate)}</TableCell>
                  <TableCell className="tabular text-right">{formatMoney(doc.amount)}</TableCell>
                  <TableCell className="tabular text-right font-medium">{formatMoney(doc.openAmount)}</TableCell>
                  <DaysLateCell days={doc.daysLate} owed />
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
