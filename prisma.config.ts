// Prisma CLI configuration. Prisma's Rust engines cannot be downloaded on our machines, so the CLI
// runs its JavaScript engine through the pg driver adapter (DESIGN.md section 7).
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

const connectionString = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/locod_admin";

export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaPg({ connectionString }),
});
