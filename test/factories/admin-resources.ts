// Factories for the rows the admin resource tests show, edit and reference.
import type { Prisma, PrismaClient } from "@prisma/client";
import { makeCustomer } from "./index.js";
import { makeDraftInvoice, makeIssuedInvoice } from "./billing.js";

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

/** An issued invoice (pending unless told) of one 100.00 line: 20.00 of VAT, 120.00 in all. */
export async function makeInvoice(prisma: PrismaClient, overrides: Partial<Prisma.InvoiceUncheckedCreateInput> = {}) {
  const i = next();
  const { status, ...rest } = overrides;
  const base = {
    invoiceNumber: `F-TEST-${process.pid}-${i}`,
    lines: [{ description: "Service", unitPrice: "100.00" }],
  };
  if (status === "draft") return makeDraftInvoice(prisma, { ...base, ...rest });
  return makeIssuedInvoice(prisma, { ...base, ...rest, ...(status ? { status } : {}) });
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
