// Settings with their defaults: a row of table `settings` overrides the default of its key.
import type { Prisma, PrismaClient } from "@prisma/client";
import { z } from "zod";

const ZPrice = z.string().regex(/^\d{1,3}\.\d{2}$/, "a price like 2.00");

export const SETTINGS = {
  /** Estimated cost of an AI request by request_type, in EUR (DECIMAL(5,2)). */
  "ai_queue.price_list": {
    schema: z.object({ services: ZPrice, content: ZPrice, images: ZPrice, full_site: ZPrice }).strict(),
    default: { services: "2.00", content: "3.50", images: "5.00", full_site: "12.00" },
  },
  /** Hours a request may wait, by priority (1 urgent, 5 normal, 10 low), before it breaks its SLA. */
  "ai_queue.sla_hours": {
    schema: z.record(z.string().regex(/^([1-9]|10)$/), z.number().positive()),
    default: { "1": 4, "5": 24, "10": 72 } as Record<string, number>,
  },
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]["schema"]>;

type Reader = Pick<PrismaClient, "setting"> | Pick<Prisma.TransactionClient, "setting">;

/** The setting's value, or its default when unset; a stored value that no longer parses is an error. */
export async function readSetting<K extends SettingKey>(db: Reader, key: K): Promise<SettingValue<K>> {
  const row = await db.setting.findUnique({ where: { key } });
  if (!row) return SETTINGS[key].default as SettingValue<K>;
  const parsed = SETTINGS[key].schema.safeParse(row.value);
  if (!parsed.success) throw new Error(`Setting ${key} is invalid: ${parsed.error.issues[0]?.message}`);
  return parsed.data as SettingValue<K>;
}
