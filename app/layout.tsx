import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Encaisse", template: "%s · Encaisse" },
  description: "Relance clients et pilotage du poste clients",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="fr">
      <body>{children}</body>
    </html>
  );
}
