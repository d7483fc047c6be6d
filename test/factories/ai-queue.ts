// Factories of the Queue IA tests: requests in a given state, plans with AI credits, signed wizard calls.
import type { Prisma, PrismaClient } from "@prisma/client";
import { makeCustomer } from "./index.js";
import { makeSite } from "./admin-resources.js";
import { signWizardRequest } from "../../src/modules/ai-queue/intake.js";

let n = 0;

export async function makeQueuedRequest(
  prisma: PrismaClient,
  overrides: Partial<Prisma.AiRequestUncheckedCreateInput> = {},
) {
  const customerId = overrides.customerId ?? (await makeCustomer(prisma)).id;
  return prisma.aiRequest.create({
    data: {
      customerId,
      requestType: "services",
      businessType: "plombier",
      requestData: { servicesWanted: 3, existingServices: [], tone: "professionnel" },
      estimatedCost: "2.00",
      ...overrides,
    },
  });
}

/** A customer on an active plan that includes `credits` AI requests a month. */
export async function makeSubscribedCustomer(prisma: PrismaClient, credits: number) {
  const customer = await makeCustomer(prisma);
  const plan = await prisma.billingPlan.create({
    data: { name: `Plan ${++n}-${process.pid}`, priceMonthly: "29.00", aiCreditsIncluded: credits },
  });
  const subscription = await prisma.customerSubscription.create({
    data: { customerId: customer.id, planId: plan.id, status: "active" },
  });
  return { customer, plan, subscription };
}

/** A valid generated_content for a `services` request. */
export const SERVICES_CONTENT = {
  services: [{ name: "Débouchage", description: "Débouchage de canalisations, intervention rapide." }],
};

/** A customer with a site, and a valid wizard submission for it. */
export async function makeWizardCustomer(prisma: PrismaClient) {
  const customer = await makeCustomer(prisma);
  const site = await makeSite(prisma, { customerId: customer.id });
  const body = {
    customer_id: customer.id,
    site_id: site.id,
    request_type: "services",
    business_type: "plombier",
    terminology: "intervention, devis",
    request_data: { servicesWanted: 4, tone: "chaleureux" },
    priority: 3,
  };
  return { customer, site, body };
}

/** The X-Locod-Signature header of a POST of a raw body to `path` (e.g. "/webhooks/wizard"). */
export const wizardSignature = (secret: string, path: string, raw: string, t?: number) =>
  signWizardRequest(secret, "POST", path, raw, t);
