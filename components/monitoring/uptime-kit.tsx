// Pieces shared by the monitoring screens: an uptime as a percentage, the colour of a day's uptime, a
// site's state badge, and the 90-day uptime bar (SVG, each day titled, the whole bar named for screen
// readers by its overall figure).
import React from "react";
import { Badge } from "@adminjs/design-system";
import type { UptimeDay } from "../../src/modules/monitoring/uptime/read-uptime.js";
import { formatDate, formatPercent, pageLanguage } from "../../src/lib/format.js";

export const uptimeText = (ratio: number | null) =>
  formatPercent(ratio, pageLanguage(), { minimumFractionDigits: 1, maximumFractionDigits: 3 });

/** Green at 99.9% and above, amber down to 99%, red below; grey without checks. */
export function uptimeColour(ratio: number | null): string {
  if (ratio === null) return "#c9ccd4";
  if (ratio >= 0.999) return "#2e9e5b";
  if (ratio >= 0.99) return "#e8900c";
  return "#d13d3d";
}

const STATE_VARIANT: Record<string, "success" | "danger" | "info" | "secondary"> = {
  up: "success",
  down: "danger",
  pending: "info",
  unmonitored: "secondary",
};

export const StateBadge: React.FC<{ state: string; label: string }> = ({ state, label }) => (
  <Badge variant={STATE_VARIANT[state] ?? "secondary"} data-testid={`state-${state}`}>
    {label}
  </Badge>
);

export const UptimeBar: React.FC<{ days: UptimeDay[]; label: string; noData: string }> = ({ days, label, noData }) => {
  const width = 3;
  const gap = 1;
  return (
    <svg width={days.length * (width + gap)} height={22} role="img" aria-label={label} data-testid="uptime-bar">
      {days.map((d, i) => (
        <rect key={d.day} x={i * (width + gap)} y={0} width={width} height={22} fill={uptimeColour(d.uptime)}>
          <title>{`${formatDate(d.day, pageLanguage(), "medium")}: ${d.uptime === null ? noData : uptimeText(d.uptime)}`}</title>
        </rect>
      ))}
    </svg>
  );
};
