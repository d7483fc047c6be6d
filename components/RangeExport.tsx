// A CSV export over a range of days: two date fields, then a download link per file. What to download
// comes from the action's `custom` (src/admin/range-export.ts): the session download routes, which check
// the permission and the range again (400 for a bad one), the words' message keys, the starting range.
import React, { useState } from "react";
import { useTranslation, type ActionProps } from "adminjs";
import { Box, Button, FormGroup, Input, Label, Text } from "@adminjs/design-system";

interface RangeExportOptions {
  /** Message keys: `${messages}Explain`, `${messages}From`, `${messages}To`, `${messages}RangeInvalid`. */
  messages: string;
  /** The range the form opens on. */
  initial: "previousMonth" | "last30Days";
  downloads: { href: string; label: string; testId: string }[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const iso = (at: Date) => at.toISOString().slice(0, 10);

function initialRange(kind: RangeExportOptions["initial"]): { from: string; to: string } {
  const now = new Date();
  if (kind === "previousMonth") {
    // The previous calendar month (UTC), the range an accountant asks for most.
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
    return { from: iso(start), to: iso(end) };
  }
  // The last 30 days that have a snapshot: up to yesterday (UTC).
  const yesterday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 1));
  return { from: iso(new Date(yesterday.getTime() - 29 * 86_400_000)), to: iso(yesterday) };
}

const RangeExport: React.FC<ActionProps> = ({ action, resource }) => {
  const { translateMessage } = useTranslation();
  const options = action.custom as RangeExportOptions;
  const [range, setRange] = useState(() => initialRange(options.initial));
  const valid = DAY.test(range.from) && DAY.test(range.to) && range.from <= range.to;
  const m = (key: string) => translateMessage(`${options.messages}${key}`, resource.id);
  const query = new URLSearchParams(range).toString();
  const field = (name: "from" | "to") => (
    <FormGroup mr="xl">
      <Label htmlFor={`range-export-${name}`}>{m(name === "from" ? "From" : "To")}</Label>
      <Input
        id={`range-export-${name}`}
        type="date"
        value={range[name]}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => setRange({ ...range, [name]: e.target.value })}
      />
    </FormGroup>
  );

  return (
    <Box variant="container">
      <Text mb="xl">{m("Explain")}</Text>
      <Box flex flexDirection="row">
        {field("from")}
        {field("to")}
      </Box>
      {valid ? (
        <Box mt="lg">
          {options.downloads.map((d, i) => (
            <Button
              key={d.href}
              as="a"
              href={`${d.href}?${query}`}
              download
              variant={i === 0 ? "contained" : "outlined"}
              mr="default"
              data-testid={d.testId}
            >
              {translateMessage(d.label, resource.id)}
            </Button>
          ))}
        </Box>
      ) : (
        <Text mt="lg" color="error">
          {m("RangeInvalid")}
        </Text>
      )}
    </Box>
  );
};

export default RangeExport;
