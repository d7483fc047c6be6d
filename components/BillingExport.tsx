// "Accounting export" of invoices: a range of issue dates, then two downloads, the invoices and their
// lines, as CSV (GET /admin/billing/export/invoices.csv and items.csv, plain routes of the portal that
// check the session and the billing.export permission; modules/billing/document-routes.ts). The server
// checks the range again and answers 400 for a bad one.
import React, { useState } from "react";
import { useTranslation, type ActionProps } from "adminjs";
import { Box, Button, FormGroup, Input, Label, Text } from "@adminjs/design-system";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const iso = (at: Date) => at.toISOString().slice(0, 10);

/** The previous calendar month (UTC), the range an accountant asks for most. */
function previousMonth(): { from: string; to: string } {
  const now = new Date();
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  return { from: iso(start), to: iso(end) };
}

const BillingExport: React.FC<ActionProps> = ({ resource }) => {
  const { translateMessage } = useTranslation();
  const [range, setRange] = useState(previousMonth);
  const valid = DAY.test(range.from) && DAY.test(range.to) && range.from <= range.to;
  const query = new URLSearchParams(range).toString();
  const link = (kind: "invoices" | "items", label: string) => (
    <Button
      as="a"
      href={`/admin/billing/export/${kind}.csv?${query}`}
      download
      variant={kind === "invoices" ? "contained" : "outlined"}
      mr="default"
      data-testid={`billing-export-${kind}`}
    >
      {label}
    </Button>
  );
  const m = (key: string, fallback: string) => translateMessage(key, resource.id, { defaultValue: fallback });

  return (
    <Box variant="container">
      <Text mb="xl">
        {m(
          "accountingExportExplain",
          "Factures émises dans la période (dates incluses, brouillons exclus) et leurs lignes, en CSV UTF-8 pour le tableur ou l'import comptable.",
        )}
      </Text>
      <Box flex flexDirection="row">
        <FormGroup mr="xl">
          <Label htmlFor="billing-export-from">{m("accountingExportFrom", "Du (date d'émission)")}</Label>
          <Input
            id="billing-export-from"
            type="date"
            value={range.from}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => setRange({ ...range, from: e.target.value })}
          />
        </FormGroup>
        <FormGroup>
          <Label htmlFor="billing-export-to">{m("accountingExportTo", "Au (inclus)")}</Label>
          <Input
            id="billing-export-to"
            type="date"
            value={range.to}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => setRange({ ...range, to: e.target.value })}
          />
        </FormGroup>
      </Box>
      {valid ? (
        <Box mt="lg">
          {link("invoices", m("accountingExportInvoices", "Factures (CSV)"))}
          {link("items", m("accountingExportItems", "Lignes de factures (CSV)"))}
        </Box>
      ) : (
        <Text mt="lg" color="error">
          {m("accountingExportRangeInvalid", "La date de fin doit être égale ou postérieure à la date de début.")}
        </Text>
      )}
    </Box>
  );
};

export default BillingExport;
