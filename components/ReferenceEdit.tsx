// AdminJS's edit field of a reference column, for admins who may not search or open the referenced table
// (an editor choosing the admin an alert channel e-mails: admin_users is the super admins'): AdminJS's
// picker would ask that table's search and show actions and be refused with 403s. Those admins get a
// field for the row's id instead, with the title the record came with; the others get AdminJS's picker.
import React from "react";
import { FormGroup, FormMessage, Text } from "@adminjs/design-system";
import { PropertyLabel, useTranslation, type EditPropertyProps } from "adminjs";
import { ReferenceIdInput, useCanSearchReference } from "./reference-id.js";

const ReferenceEdit: React.FC<EditPropertyProps & { OriginalComponent?: React.ComponentType<EditPropertyProps> }> = (
  props,
) => {
  const { property, record, onChange, resource, OriginalComponent } = props;
  const canSearch = useCanSearchReference(property);
  const { translateMessage } = useTranslation();
  if (canSearch && OriginalComponent) return <OriginalComponent {...props} />;
  const title = record?.populated[property.path]?.title;
  const error = record?.errors[property.path];
  return (
    <FormGroup error={Boolean(error)}>
      <PropertyLabel property={property} />
      <ReferenceIdInput
        id={property.path}
        name={property.path}
        value={record?.params[property.path]}
        resourceId={resource.id}
        onChange={(value) => onChange?.(property.path, value || null)}
      />
      {title ? <Text mt="sm">{title}</Text> : null}
      <FormMessage>{error?.message ? translateMessage(error.message, resource.id) : null}</FormMessage>
    </FormGroup>
  );
};

export default ReferenceEdit;
