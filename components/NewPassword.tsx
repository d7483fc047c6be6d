// The password of an admin user, on the creation form only: once the account exists, its password is
// set by its owner (the reset link or "Change my password"), never typed by another admin. The server
// refuses a password in an edit whatever the form shows.
import React from "react";
import { PropertyLabel, useTranslation, type EditPropertyProps } from "adminjs";
import { FormGroup, FormMessage, Input } from "@adminjs/design-system";

const NewPassword: React.FC<EditPropertyProps> = ({ property, record, onChange }) => {
  const { tm } = useTranslation();
  if (record?.id) return null;
  const error = record?.errors?.[property.path];
  const value = record?.params?.[property.path];
  return (
    <FormGroup error={Boolean(error)}>
      <PropertyLabel property={property} />
      <Input
        type="password"
        id={property.path}
        name={property.path}
        autoComplete="new-password"
        value={typeof value === "string" ? value : ""}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(property.path, e.target.value)}
        style={{ width: "100%" }}
      />
      <FormMessage>{error ? tm(error.message, property.resourceId) : null}</FormMessage>
    </FormGroup>
  );
};

export default NewPassword;
