// "Download PDF" of an invoice: a link to GET /admin/billing/invoices/:id/pdf, a plain route of the
// portal that checks the session and the billing.view permission (modules/billing/document-routes.ts).
// Reading only: nothing changes on the server. Drafts come out watermarked DRAFT.
import React from "react";
import { useTranslation, type ActionProps } from "adminjs";
import { Box, Button, H3, Text } from "@adminjs/design-system";

const InvoicePdf: React.FC<ActionProps> = ({ action, resource, record }) => {
  const { translateAction, translateMessage } = useTranslation();
  if (!record) return null;
  const href = `/admin/billing/invoices/${encodeURIComponent(String(record.id))}/pdf`;
  const isDraft = record.params.status === "draft";
  return (
    <Box variant="container">
      <H3>
        {translateAction(action.label, resource.id)} — {record.title}
      </H3>
      <Text mb="xl">
        {translateMessage(isDraft ? "invoicePdfDraftExplain" : "invoicePdfExplain", resource.id, {
          defaultValue: isDraft
            ? "Cette facture est un brouillon : le PDF porte la mention DRAFT et n'a pas de valeur comptable."
            : "La facture au format PDF (A4), avec les mentions légales du vendeur.",
        })}
      </Text>
      <Button as="a" href={href} download variant="contained" data-testid="invoice-pdf-download">
        {translateAction(action.label, resource.id)}
      </Button>
    </Box>
  );
};

export default InvoicePdf;
