import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Encaisse", template: "%s · Encaisse" },
  description: "Relance clients et pilotage du poste clients",
  manifest: "/manifest.webmanifest",
  appleWebApp: { capable: true, title: "Encaisse", statusBarStyle: "default" },
  icons: { apple: "/apple-touch-icon.png" },
};

export const viewport: Viewport = { themeColor: "#006585", width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request so Next.js can put the CSP nonce of the proxy on its scripts.
  await connection();
  return (
    <html lang="fr">
      <body>{children}</body>
    </html>
  );
}
