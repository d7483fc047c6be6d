// Factories for the rows the admin resource tests show, edit and reference.
import type { Prisma, PrismaClient } from "@prisma/client";
import { makeCustomer } from "./index.js";

let n = 0;
const next = () => ++n;

export async function makeSite(prisma: PrismaClient, overrides: Partial<Prisma.SiteUncheckedCreateInput> = {}) {
  const i = next();
  const customerId = overrides.customerId ?? (await makeCustomer(prisma)).id;
  return prisma.site.create({
    data: { name: `Site ${i}`, domain: `site${i}-${process.pid}.test.local`, ...overrides, customerId },
  });
}

export async function makeAiRequest(
  prisma: PrismaClient,
  overrides: Partial<Prisma.AiRequestUncheckedCreateInput> = {},
) {
  const customerId = overrides.customerId ?? (await makeCustomer(prisma)).id;
  return prisma.aiRequest.create({
    data: {
      requestType: "services",
      businessType: "boulangerie",
      requestData: { services: ["pain", "viennoiserie"], tone: "chaleureux" },
      ...overrides,
      customerId,
    },
  });
}

export async function makeInvoice(prisma: PrismaClient, overrides: Partial<Prisma.InvoiceUncheckedCreateInput> = {}) {
  const i = next();
  const customerId = overrides.customerId ?? (await makeCustomer(prisma)).id;
  return prisma.invoice.create({
    data: {
      invoiceNumber: `F-TEST-${process.pid}-${i}`,
      amount: "100.00",
      taxAmount: "20.00",
      totalAmount: "120.00",
      ...overrides,
      customerId,
    },
  });
}

export async function makeTemplate(prisma: PrismaClient, overrides: Partial<Prisma.TemplateUncheckedCreateInput> = {}) {
  const i = next();
  return prisma.template.create({
    data: {
      name: `Template ${i}-${process.pid}`,
      category: "commerce",
      configTemplate: { sections: ["hero"] },
      ...overrides,
    },
  });
}
