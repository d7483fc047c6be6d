// A JSON column of a record whose form depends on the record (an AI request's request type): the server
// sends each type's form in the property's `custom.forms` (src/modules/ai-queue/json-fields.ts). The show
// page reads it as a definition list; the edit form edits it through the form (or as raw JSON) and sends
// the JSON text the server checks against the same schema, whose refusals come back per input.
import React, { useEffect, useMemo, useRef, useState } from "react";
import { PropertyLabel, flat, useTranslation, type EditPropertyProps, type RecordJSON } from "adminjs";
import { FormGroup, ValueGroup } from "@adminjs/design-system";
import type { FormNode } from "../src/lib/json-form.js";
import { JsonDefinition, JsonForm, cleaned, type Errors } from "./json-form.js";

/** The column's value: the edit form gets it as JSON text (the kit's after hook), other pages as flat params. */
function valueOf(params: RecordJSON["params"], path: string): unknown {
  const direct = params[path];
  if (typeof direct === "string") {
    try {
      return direct.trim() === "" ? undefined : JSON.parse(direct);
    } catch {
      return direct;
    }
  }
  return flat.get(params, path);
}

const SchemaJson: React.FC<EditPropertyProps> = ({ property, record, onChange, where, resource }) => {
  const { translateMessage, translateProperty } = useTranslation();
  const params = record?.params ?? {};
  const custom = property.custom as { forms?: Record<string, FormNode>; templates?: Record<string, unknown> };
  const type = String(params.requestType ?? "");
  const node = custom?.forms?.[type];
  const raw = params[property.path];
  const stored = useMemo(() => valueOf(params, property.path), [raw, property.path]);
  // An empty column starts from the schema's template on the edit form.
  const [value, setValue] = useState<unknown>(stored ?? custom?.templates?.[type]);
  // What this form sent last: its echo in the record must not replace what is being typed ("1," -> 1).
  const sent = useRef<unknown>(undefined);
  useEffect(() => {
    if (raw !== sent.current) setValue(stored ?? custom?.templates?.[type]);
  }, [stored, raw]);
  const resourceId = resource?.id ?? property.resourceId;
  const tm = (key: string, id?: string) => translateMessage(key, id ?? resourceId);

  if (where !== "edit") {
    return (
      <ValueGroup label={translateProperty(property.label, resourceId)}>
        <JsonDefinition node={node} value={stored} tm={tm} resourceId={resourceId} />
      </ValueGroup>
    );
  }
  const errors = (record?.errors ?? {}) as Errors;
  return (
    <FormGroup>
      <PropertyLabel property={property} />
      <JsonForm
        node={node}
        value={value}
        name={property.path}
        errors={errors}
        tm={tm}
        resourceId={resourceId}
        onChange={(next) => {
          setValue(next);
          const out = node ? cleaned(node, next) : next;
          sent.current = out === undefined ? "" : JSON.stringify(out);
          onChange(property.path, sent.current as string);
        }}
      />
    </FormGroup>
  );
};

export default SchemaJson;
