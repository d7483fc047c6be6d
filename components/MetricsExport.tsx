// "CSV export" of the daily business metrics: a range of days, then a download link to
// GET /admin/analytics/business_metrics/export.csv (a plain route of the portal that checks the session
// and the analytics.view and analytics.export permissions; modules/analytics/routes.ts). The server
// checks the range again and answers 400 for a bad one.
import React, { useState } from "react";
import { useTranslation, type ActionProps } from "adminjs";
import { Box, Button, FormGroup, Input, Label, Text } from "@adminjs/design-system";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const iso = (at: Date) => at.toISOString().slice(0, 10);

/** The last 30 days that have a snapshot: up to yesterday (UTC). */
function lastThirtyDays(): { from: string; to: string } {
  const today = new Date();
  const yesterday = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - 1));
  const from = new Date(yesterday.getTime() - 29 * 86_400_000);
  return { from: iso(from), to: iso(yesterday) };
}

const MetricsExport: React.FC<ActionProps> = ({ resource }) => {
  const { translateMessage } = useTranslation();
  const [range, setRange] = useState(lastThirtyDays);
  const valid = DAY.test(range.from) && DAY.test(range.to) && range.from <= range.to;
  const m = (key: string, fallback: string) => translateMessage(key, resource.id, { defaultValue: fallback });

  return (
    <Box variant="container">
      <Text mb="xl">
        {m(
          "metricsExportExplain",
          "Les indicateurs quotidiens des jours choisis (inclus), un jour par ligne, en CSV pour le tableur.",
        )}
      </Text>
      <Box flex flexDirection="row">
        <FormGroup mr="xl">
          <Label htmlFor="metrics-export-from">{m("metricsExportFrom", "Du")}</Label>
          <Input
            id="metrics-export-from"
            type="date"
            value={range.from}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => setRange({ ...range, from: e.target.value })}
          />
        </FormGroup>
        <FormGroup>
          <Label htmlFor="metrics-export-to">{m("metricsExportTo", "Au (inclus)")}</Label>
          <Input
            id="metrics-export-to"
            type="date"
            value={range.to}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => setRange({ ...range, to: e.target.value })}
          />
        </FormGroup>
      </Box>
      {valid ? (
        <Box mt="lg">
          <Button
            as="a"
            href={`/admin/analytics/business_metrics/export.csv?${new URLSearchParams(range).toString()}`}
            download
            variant="contained"
            data-testid="metrics-export-download"
          >
            {m("metricsExportDownload", "Télécharger (CSV)")}
          </Button>
        </Box>
      ) : (
        <Text mt="lg" color="error">
          {m("metricsExportRangeInvalid", "La date de fin doit être égale ou postérieure à la date de début.")}
        </Text>
      )}
    </Box>
  );
};

export default MetricsExport;
