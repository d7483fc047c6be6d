import { Prisma } from "@prisma/client";
import {
  formatCents,
  formatCount,
  formatDate,
  formatMoney,
  formatNumber,
  formatPercent,
  languageOf,
  parseAmount,
} from "./format.js";

// Intl's French spaces: narrow no-break between thousands, no-break before the symbol.
const NNBSP = "\u202f";
const NBSP = "\u00a0";

describe("formatMoney", () => {
  it("writes euros in French and English", () => {
    expect(formatMoney("1234.5", "fr")).toBe(`1${NNBSP}234,50${NBSP}€`);
    expect(formatMoney("1234.5", "en")).toBe("€1,234.50");
  });

  it("writes zero and negative amounts", () => {
    expect(formatMoney("0", "fr")).toBe(`0,00${NBSP}€`);
    expect(formatMoney("0", "en")).toBe("€0.00");
    expect(formatMoney("-100", "fr")).toBe(`-100,00${NBSP}€`);
    expect(formatMoney("-1234.56", "en")).toBe("-€1,234.56");
    // Below half a cent is zero, without a sign.
    expect(formatMoney("-0.004", "fr")).toBe(`0,00${NBSP}€`);
    expect(formatMoney("-0.5", "en")).toBe("-€0.50");
  });

  it("rounds half-up to cents on the digits, never through a float", () => {
    expect(formatMoney("0.125", "en")).toBe("€0.13");
    expect(formatMoney("-0.125", "en")).toBe("-€0.13");
    expect(formatMoney("1.005", "en")).toBe("€1.01"); // 1.005 is 1.00499... as a float
    expect(formatMoney("1.0049", "en")).toBe("€1.00");
    expect(formatMoney("1234567.005", "fr")).toBe(`1${NNBSP}234${NNBSP}567,01${NBSP}€`);
  });

  it("keeps every digit of a large amount", () => {
    expect(formatMoney("12345678901234567890.125", "en")).toBe("€12,345,678,901,234,567,890.13");
    expect(formatMoney("9007199254740993.01", "fr")).toBe(
      `9${NNBSP}007${NNBSP}199${NNBSP}254${NNBSP}740${NNBSP}993,01${NBSP}€`,
    );
  });

  it("takes a Decimal, a number and exponent notation", () => {
    expect(formatMoney(new Prisma.Decimal("58.8"), "fr")).toBe(`58,80${NBSP}€`);
    expect(formatMoney(new Prisma.Decimal("1e-7"), "en")).toBe("€0.00");
    expect(formatMoney(19.99, "en")).toBe("€19.99");
    expect(formatMoney("1.5e3", "en")).toBe("€1,500.00");
  });

  it("names other currencies by their code, with their own decimals", () => {
    expect(formatMoney("12.3", "fr", { currency: "USD" })).toBe(`12,30${NBSP}USD`);
    expect(formatMoney("12.3", "en", { currency: "usd" })).toBe(`USD${NBSP}12.30`);
    expect(formatMoney("1234.5", "en", { currency: "JPY" })).toBe(`JPY${NBSP}1,235`);
    expect(formatMoney("12.3", "en", { currency: "X1" })).toBe("12.30 X1");
  });

  it("shows a dash for a missing amount and refuses what is not a number", () => {
    expect(formatMoney(null, "fr")).toBe("—");
    expect(formatMoney(undefined, "en")).toBe("—");
    expect(() => formatMoney("12,5", "fr")).toThrow(RangeError);
    expect(() => formatMoney("abc", "fr")).toThrow(RangeError);
    expect(() => formatMoney(Number.NaN, "fr")).toThrow(RangeError);
  });
});

describe("formatCents", () => {
  it("writes integer cents as money", () => {
    expect(formatCents(123456, "fr")).toBe(`1${NNBSP}234,56${NBSP}€`);
    expect(formatCents(-5, "en")).toBe("-€0.05");
    expect(formatCents(0, "en")).toBe("€0.00");
    expect(formatCents(123456789012345678901234567890n, "en")).toBe("€1,234,567,890,123,456,789,012,345,678.90");
    expect(formatCents(1234, "en", { currency: "JPY" })).toBe(`JPY${NBSP}1,234`);
  });

  it("refuses a fraction of a cent", () => {
    expect(() => formatCents(1.5, "fr")).toThrow(RangeError);
  });
});

describe("formatPercent", () => {
  it("writes a ratio with one decimal by default", () => {
    expect(formatPercent("0.0523", "fr")).toBe(`5,2${NBSP}%`);
    expect(formatPercent("0.0523", "en")).toBe("5.2%");
    expect(formatPercent(0, "en")).toBe("0.0%");
  });

  it("takes the decimals asked for, rounding half-up", () => {
    expect(formatPercent("0.12345", "en", { fractionDigits: 2 })).toBe("12.35%");
    expect(formatPercent("-0.12345", "fr", { fractionDigits: 2 })).toBe(`-12,35${NBSP}%`);
    expect(formatPercent(0.1, "en", { maximumFractionDigits: 1 })).toBe("10%");
    expect(formatPercent(0.125, "en", { maximumFractionDigits: 1 })).toBe("12.5%");
    expect(formatPercent("1.5", "en", { fractionDigits: 0 })).toBe("150%");
    expect(formatPercent(null, "en")).toBe("—");
  });
});

describe("formatNumber", () => {
  it("groups thousands and keeps up to 3 decimals", () => {
    expect(formatNumber(1234567.5, "fr")).toBe(`1${NNBSP}234${NNBSP}567,5`);
    expect(formatNumber(1234567.5, "en")).toBe("1,234,567.5");
    expect(formatNumber(2 / 3, "en")).toBe("0.667");
    expect(formatNumber(-42, "fr")).toBe("-42");
    expect(formatNumber(0, "en")).toBe("0");
    expect(formatNumber("3.14159", "en", { fractionDigits: 2 })).toBe("3.14");
  });
});

describe("formatDate", () => {
  const at = new Date("2026-10-15T14:30:00Z");

  it("writes UTC calendar days in each style", () => {
    expect(formatDate(at, "fr", "numeric")).toBe("15/10/2026");
    expect(formatDate(at, "en", "numeric")).toBe("15/10/2026");
    expect(formatDate(at, "fr", "long")).toBe("15 octobre 2026");
    expect(formatDate(at, "en", "long")).toBe("15 October 2026");
    expect(formatDate("2026-10-15", "en", "medium")).toBe("15 Oct 2026");
    expect(formatDate("2026-10-15", "en", "dayMonth")).toBe("15 Oct");
    expect(formatDate("2026-10-01", "fr", "month")).toBe("octobre 2026");
  });

  it("takes the UTC day whatever the hour", () => {
    expect(formatDate("2026-10-15T23:59:59Z", "fr", "numeric")).toBe("15/10/2026");
    expect(formatDate("2026-10-16T00:00:00Z", "fr", "numeric")).toBe("16/10/2026");
  });

  it("names the time zone of a timestamp, read in Paris time", () => {
    // 14:30 UTC is 16:30 in Paris in October (summer time), 15:30 in December.
    expect(formatDate(at, "fr", "timestamp")).toBe("15 oct. 2026, 16:30 UTC+2");
    expect(formatDate(at, "en", "timestamp")).toBe("15 Oct 2026, 16:30 CEST");
    expect(formatDate("2026-12-01T14:30:00Z", "en", "timestamp")).toBe("1 Dec 2026, 15:30 CET");
  });

  it("shows a dash for a missing date and refuses an invalid one", () => {
    expect(formatDate(null, "fr")).toBe("—");
    expect(() => formatDate("not a date", "fr")).toThrow(RangeError);
  });
});

describe("languageOf", () => {
  it("reads English tags as English and anything else as French", () => {
    expect(languageOf("en")).toBe("en");
    expect(languageOf("en-GB")).toBe("en");
    expect(languageOf("fr")).toBe("fr");
    expect(languageOf("")).toBe("fr");
    expect(languageOf(null)).toBe("fr");
    expect(languageOf("de")).toBe("fr");
  });
});

describe("formatCount", () => {
  const alerts = { one: "# alerte", other: "# alertes" };
  const alertsEn = { one: "# alert", other: "# alerts", zero: "no alerts" };

  it("follows each language's plural rules", () => {
    expect(formatCount(0, "fr", alerts)).toBe("0 alerte");
    expect(formatCount(1, "fr", alerts)).toBe("1 alerte");
    expect(formatCount(2, "fr", alerts)).toBe("2 alertes");
    expect(formatCount(1, "en", alertsEn)).toBe("1 alert");
    expect(formatCount(2, "en", alertsEn)).toBe("2 alerts");
    expect(formatCount(0, "en", alertsEn)).toBe("no alerts");
  });

  it("writes the count in the language's number format", () => {
    expect(formatCount(1234, "fr", alerts)).toBe(`1${NNBSP}234 alertes`);
    expect(formatCount(1234, "en", alertsEn)).toBe("1,234 alerts");
    expect(formatCount(1_000_000, "fr", { ...alerts, many: "# d'alertes" })).toBe(`1${NNBSP}000${NNBSP}000 d'alertes`);
  });
});

describe("parseAmount", () => {
  const value = (text: string) => {
    const read = parseAmount(text);
    return read.ok ? read.value : read.reason;
  };

  it("reads a comma or a point as the decimal mark", () => {
    expect(value("1,50")).toBe("1.50");
    expect(value("1.50")).toBe("1.50");
    expect(value("12,5")).toBe("12.5");
    expect(value("0,125")).toBe("0.125");
    expect(value("1234,567")).toBe("1234.567");
    expect(value(",5")).toBe("0.5");
    expect(value("42")).toBe("42");
    expect(value("007")).toBe("7");
  });

  it("reads thousands grouped by spaces, commas or points", () => {
    expect(value("1 234,50")).toBe("1234.50");
    expect(value(`1${NNBSP}234,50`)).toBe("1234.50");
    expect(value(`1${NBSP}234${NBSP}567`)).toBe("1234567");
    expect(value("1,234.50")).toBe("1234.50");
    expect(value("1.234,50")).toBe("1234.50");
    expect(value("1.234.567")).toBe("1234567");
    expect(value("1,234,567.89")).toBe("1234567.89");
  });

  it("takes a sign and the euro sign or code", () => {
    expect(value("-3")).toBe("-3");
    expect(value("+3,10")).toBe("3.10");
    expect(value("-0")).toBe("0");
    expect(value("12,50 €")).toBe("12.50");
    expect(value("€12.50")).toBe("12.50");
    expect(value("12.50 EUR")).toBe("12.50");
  });

  it("refuses one mark before exactly three digits as ambiguous", () => {
    expect(value("1,234")).toBe("fieldMoneyAmbiguous");
    expect(value("1.234")).toBe("fieldMoneyAmbiguous");
    expect(value("999,000")).toBe("fieldMoneyAmbiguous");
  });

  it("refuses what is not an amount", () => {
    for (const text of [
      "",
      " ",
      "abc",
      "12a",
      "1,2,3",
      "1.234.56",
      "12 34",
      "1,234,5.6",
      "1.2,3.4",
      "1e3",
      "--1",
      "€",
    ]) {
      expect({ [text]: value(text) }).toEqual({ [text]: "fieldMoney" });
    }
  });
});
