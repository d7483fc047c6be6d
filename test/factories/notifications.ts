// Customers and AI requests for the AI queue's e-mail notifications.
import type { Prisma, PrismaClient } from "@prisma/client";
import { makeCustomer } from "./index.js";

export async function makeAiRequestFor(
  prisma: PrismaClient,
  customer: Partial<Prisma.CustomerUncheckedCreateInput> = {},
  request: Partial<Prisma.AiRequestUncheckedCreateInput> = {},
) {
  const owner = await makeCustomer(prisma, customer);
  const row = await prisma.aiRequest.create({
    data: {
      customerId: owner.id,
      requestType: "services",
      businessType: "Boulangerie",
      requestData: { servicesWanted: 2, existingServices: [], tone: "chaleureux" },
      ...request,
    },
  });
  return { customer: owner, request: row };
}
