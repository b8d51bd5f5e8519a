import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files from node_modules at run time; pdfkit reads its font metrics from disk.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "bcryptjs", "pdfkit"],
  poweredByHeader: false,
  // The browser tests build into their own folder so they never disturb a running app.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
};

export default nextConfig;
