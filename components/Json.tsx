// Shows a JSON column readably: indented on the show page, a one-line summary in lists.
import React from "react";
import type { BasePropertyProps } from "adminjs";
import { ValueGroup } from "@adminjs/design-system";
import { flat } from "adminjs";

function valueOf(params: Record<string, unknown>, path: string): unknown {
  const unflat = flat.unflatten(params) as Record<string, unknown>;
  return unflat[path];
}

const Json: React.FC<BasePropertyProps> = ({ record, property, where }) => {
  const value = record ? valueOf(record.params, property.path) : undefined;
  if (value === undefined || value === null)
    return where === "show" ? <ValueGroup label={property.label}>—</ValueGroup> : <span>—</span>;
  if (where === "show") {
    return (
      <ValueGroup label={property.label}>
        <pre
          style={{
            whiteSpace: "pre-wrap",
            fontSize: 12,
            background: "#f6f7fb",
            padding: 12,
            borderRadius: 4,
            maxHeight: 480,
            overflow: "auto",
          }}
        >
          {JSON.stringify(value, null, 2)}
        </pre>
      </ValueGroup>
    );
  }
  const text = JSON.stringify(value);
  return <span title={text}>{text.length > 60 ? `${text.slice(0, 57)}…` : text}</span>;
};

export default Json;
