// A status as a badge coloured by what it means (src/lib/status-tone.ts): the same on every page.
import React from "react";
import { statusTone, TONE_COLOURS } from "../src/lib/status-tone.js";

export interface StatusBadgeProps {
  /** The raw value (an enum value, a boolean): it picks the colour. */
  value: unknown;
  /** What the admin reads: the value in their language. */
  children: React.ReactNode;
}

const StatusBadge: React.FC<StatusBadgeProps> = ({ value, children }) => {
  const tone = statusTone(value);
  const colours = TONE_COLOURS[tone];
  return (
    <span
      data-tone={tone}
      className="locod-status-badge"
      style={{
        display: "inline-block",
        padding: "2px 8px",
        borderRadius: 12,
        border: `1px solid ${colours.border}`,
        background: colours.background,
        color: colours.text,
        fontSize: 12,
        lineHeight: "18px",
        fontWeight: 600,
        whiteSpace: "nowrap",
      }}
    >
      {children}
    </span>
  );
};

export default StatusBadge;
