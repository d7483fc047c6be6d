// The invoice PDF's formats (pdf-format.ts), without a database.
import { Prisma } from "@prisma/client";
import { formatDate, formatMoney, formatRate, impliedVatRate, pdfFileName, winAnsi } from "./pdf-format.js";

const D = (value: string) => new Prisma.Decimal(value);
const NBSP = "\u00a0";

describe("invoice PDF formats", () => {
  it("writes euros French style with no-break spaces, two decimals, half-up", () => {
    expect(formatMoney(D("1234.5"))).toBe(`1${NBSP}234,50${NBSP}€`);
    expect(formatMoney(D("1234567.005"))).toBe(`1${NBSP}234${NBSP}567,01${NBSP}€`);
    expect(formatMoney(D("0"))).toBe(`0,00${NBSP}€`);
    expect(formatMoney(D("-100"))).toBe(`-100,00${NBSP}€`);
    expect(formatMoney(D("12.3"), "USD")).toBe(`12,30${NBSP}USD`);
  });

  it("keeps French text and folds what the built-in font cannot draw", () => {
    expect(winAnsi("Pénalités : 40 € « ok » — œuvre")).toBe("Pénalités : 40 € « ok » — œuvre");
    expect(winAnsi("Ŝtefan Łódź\u202f!")).toBe(`Stefan ?ódz${NBSP}!`);
    expect(winAnsi("Жук")).toBe("???");
  });

  it("prints the rate the invoice was issued with, even after the setting changed", () => {
    expect(impliedVatRate(D("1256.00"), D("251.20"), D("20.00")).toFixed(2)).toBe("20.00");
    // Issued at 5.5%, setting since moved to 20%: 100.00 x 5.5% = 5.50.
    expect(impliedVatRate(D("100.00"), D("5.50"), D("20.00")).toFixed(2)).toBe("5.50");
    expect(impliedVatRate(D("0.00"), D("0.00"), D("20.00")).toFixed(2)).toBe("20.00");
  });

  it("writes dates as dd/mm/yyyy of the UTC day and rates with a decimal comma", () => {
    expect(formatDate(new Date("2026-03-01T23:30:00Z"))).toBe("01/03/2026");
    expect(formatDate(new Date("2026-12-31T00:00:00Z"))).toBe("31/12/2026");
    expect(formatRate(D("20"))).toBe("20,00");
    expect(formatRate(D("5.5"))).toBe("5,50");
  });

  it("names the download after the invoice number", () => {
    expect(pdfFileName("LCD-2026-000042")).toBe("LCD-2026-000042.pdf");
    expect(pdfFileName("LCD/DRAFT 7")).toBe("LCD_DRAFT_7.pdf");
  });
});
