// What ReferenceEdit and ReferenceFilter share: whether the admin may search the referenced table (else
// AdminJS's picker would be refused with 403s), and the id field those who may not get instead.
import React from "react";
import { Input } from "@adminjs/design-system";
import { useResource, useTranslation, type PropertyJSON } from "adminjs";

/** Whether the admin may search the table this reference column points to. */
export function useCanSearchReference(property: PropertyJSON): boolean {
  const target = useResource(property.reference ?? "");
  return Boolean(target?.resourceActions.some((a) => a.name === "search"));
}

/** A field for the referenced row's id, trimmed; an empty field is reported as "". */
export const ReferenceIdInput: React.FC<{
  id?: string;
  name: string;
  value: unknown;
  resourceId: string;
  onChange: (value: string) => void;
}> = ({ id, name, value, resourceId, onChange }) => {
  const { translateMessage } = useTranslation();
  return (
    <Input
      id={id}
      name={name}
      inputMode="numeric"
      value={typeof value === "string" || typeof value === "number" ? value : ""}
      placeholder={translateMessage("referenceIdFilter", resourceId)}
      onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange(event.target.value.trim())}
    />
  );
};
