// A form field that follows the record's stage: a "create" field (an invoice's customer and subscription,
// a line's invoice, a setting's key) is chosen on the new form and shown read-only afterwards; an "issued"
// field (a payment field) appears only on the form of an issued invoice. The services refuse the same
// changes by name (src/modules/billing/invoicing.ts, the settings resource): this only keeps the form from
// offering them.
import React from "react";
import { BasePropertyComponent, type EditPropertyProps } from "adminjs";

const FormStageField: React.FC<EditPropertyProps> = (props) => {
  const { property, record } = props;
  const stage = (property.custom as { formStage?: string } | undefined)?.formStage;
  const isNew = !record?.id;
  // The stock component of the property's type (without this component, which would call itself).
  const stock = { ...property, components: {} };
  if (stage === "issued" && (isNew || record?.params?.status === "draft")) return null;
  // An issued invoice never goes back to draft: its status is one of the issued ones.
  if (stage === "issued" && property.availableValues) {
    stock.availableValues = property.availableValues.filter((v) => v.value !== "draft");
  }
  if (stage === "create" && !isNew) return <BasePropertyComponent {...props} property={stock} where="show" />;
  return <BasePropertyComponent {...props} property={stock} where="edit" />;
};

export default FormStageField;
