// Edits a JSON column as text. The edit form receives the column already as indented JSON text (an
// after hook of the edit action); the server parses and checks what comes back, and answers a field
// error when it is not valid JSON of the expected shape.
import React, { useEffect, useState } from "react";
import { PropertyLabel, flat, useTranslation, type EditPropertyProps, type RecordJSON } from "adminjs";
import { FormGroup, FormMessage, Input } from "@adminjs/design-system";

function textOf(params: RecordJSON["params"], path: string): string {
  const direct = params[path];
  if (typeof direct === "string") return direct;
  const value: unknown = flat.get(params, path);
  return value === undefined || value === null ? "" : JSON.stringify(value, null, 2);
}

const JsonEdit: React.FC<EditPropertyProps> = ({ property, record, onChange }) => {
  const { tm } = useTranslation();
  const initial = textOf(record.params ?? {}, property.path);
  const [text, setText] = useState(initial);
  useEffect(() => setText(initial), [initial]);
  const error = record.errors?.[property.path];
  const rows = Math.min(24, Math.max(4, text.split("\n").length + 1));

  return (
    <FormGroup error={Boolean(error)}>
      <PropertyLabel property={property} />
      <Input
        as="textarea"
        id={property.path}
        name={property.path}
        rows={rows}
        spellCheck={false}
        value={text}
        onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setText(e.target.value)}
        onBlur={() => onChange(property.path, text)}
        disabled={property.isDisabled}
        style={{ fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace", fontSize: 12, width: "100%" }}
      />
      <FormMessage>{error ? tm(error.message, property.resourceId) : null}</FormMessage>
    </FormGroup>
  );
};

export default JsonEdit;
