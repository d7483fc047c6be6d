// AdminJS's edit field of a reference column, for admins who may not search or open the referenced table
// (an editor choosing the admin an alert channel e-mails: admin_users is the super admins'): AdminJS's
// picker would ask that table's search and show actions and be refused with 403s. Those admins get a
// field for the row's id instead, with the title the record came with; the others get AdminJS's picker.
import React from "react";
import { FormGroup, FormMessage, Input, Text } from "@adminjs/design-system";
import { PropertyLabel, useResource, useTranslation, type EditPropertyProps } from "adminjs";

const ReferenceEdit: React.FC<EditPropertyProps & { OriginalComponent?: React.ComponentType<EditPropertyProps> }> = (
  props,
) => {
  const { property, record, onChange, resource, OriginalComponent } = props;
  const target = useResource(property.reference ?? "");
  const { translateMessage } = useTranslation();
  const canSearch = Boolean(target?.resourceActions.some((a) => a.name === "search"));
  if (canSearch && OriginalComponent) return <OriginalComponent {...props} />;
  const value: unknown = record?.params[property.path];
  const title = record?.populated[property.path]?.title;
  const error = record?.errors[property.path];
  return (
    <FormGroup error={Boolean(error)}>
      <PropertyLabel property={property} />
      <Input
        id={property.path}
        name={property.path}
        inputMode="numeric"
        value={typeof value === "string" || typeof value === "number" ? value : ""}
        placeholder={translateMessage("referenceIdFilter", resource.id)}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
          onChange?.(property.path, event.target.value.trim() || null)
        }
      />
      {title ? <Text mt="sm">{title}</Text> : null}
      <FormMessage>{error?.message ? translateMessage(error.message, resource.id) : null}</FormMessage>
    </FormGroup>
  );
};

export default ReferenceEdit;
