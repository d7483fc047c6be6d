// Shows a JSON column readably: indented on the show page, a one-line summary in lists.
import React from "react";
import { flat, useTranslation, type BasePropertyProps } from "adminjs";
import { ValueGroup } from "@adminjs/design-system";

const Json: React.FC<BasePropertyProps> = ({ record, property, where, resource }) => {
  const { translateProperty } = useTranslation();
  // Records carry JSON flattened ("request_data.services.0"); a string is the edit form's JSON text.
  const value: unknown = record ? flat.get(record.params, property.path) : undefined;
  if (where === "show") {
    const label = translateProperty(property.label, resource.id);
    if (value === undefined || value === null) return <ValueGroup label={label}>—</ValueGroup>;
    return (
      <ValueGroup label={label}>
        <pre
          // A long value scrolls: the keyboard reaches it too (WCAG 2.1.1).
          tabIndex={0}
          aria-label={label}
          style={{
            whiteSpace: "pre-wrap",
            wordBreak: "break-word",
            fontSize: 12,
            background: "#f6f7fb",
            padding: 12,
            borderRadius: 4,
            maxHeight: 480,
            overflow: "auto",
            margin: 0,
          }}
        >
          {JSON.stringify(value, null, 2)}
        </pre>
      </ValueGroup>
    );
  }
  if (value === undefined || value === null) return <span>—</span>;
  const text =
    Array.isArray(value) && value.every((v) => typeof v === "string") ? value.join(", ") : JSON.stringify(value);
  return <span title={text}>{text.length > 60 ? `${text.slice(0, 57)}…` : text}</span>;
};

export default Json;
