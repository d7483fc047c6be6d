// "Alert thresholds" of the dashboard (analytics.configure): the four figures above which the dashboard
// raises an alert, loaded from the action (GET) and saved by POSTing them to it. The server checks the
// permission and each value (a whole number from 0 to 100000) and names the refused fields.
import React, { useEffect, useState } from "react";
import { ApiClient, useActionResponseHandler, useTranslation, type ActionProps } from "adminjs";
import { Box, Button, FormGroup, FormMessage, Input, Label, Loader, Text } from "@adminjs/design-system";

const api = new ApiClient();

const FIELDS = ["aiQueuePending", "overdueInvoices", "sitesDown", "failedJobs"] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

const AlertThresholds: React.FC<ActionProps> = ({ action, resource }) => {
  const { translateButton, translateMessage, translateProperty } = useTranslation();
  const handleResponse = useActionResponseHandler();
  const [values, setValues] = useState<Values | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);

  const show = (thresholds: Record<Field, number> | undefined) => {
    if (thresholds) setValues(Object.fromEntries(FIELDS.map((f) => [f, String(thresholds[f])])) as Values);
  };

  useEffect(() => {
    api
      .resourceAction({ resourceId: resource.id, actionName: action.name })
      .then((response) => show((response.data as { thresholds?: Record<Field, number> }).thresholds));
  }, [resource.id, action.name]);

  const submit = async () => {
    if (!values) return;
    setBusy(true);
    try {
      const response = await api.resourceAction({ resourceId: resource.id, actionName: action.name, data: values });
      const data = response.data as {
        thresholds?: Record<Field, number>;
        record?: { errors?: Record<string, { message: string }> };
      };
      setErrors(Object.fromEntries(Object.entries(data.record?.errors ?? {}).map(([k, v]) => [k, v.message])));
      show(data.thresholds);
      handleResponse(response);
    } finally {
      setBusy(false);
    }
  };

  if (!values) return <Loader />;
  return (
    <Box variant="container">
      <Text mb="xl">{translateMessage("alertThresholdsExplain", resource.id)}</Text>
      {FIELDS.map((field) => (
        <FormGroup key={field} error={Boolean(errors[field])}>
          <Label required htmlFor={`threshold-${field}`}>
            {translateProperty(field, resource.id)}
          </Label>
          <Input
            id={`threshold-${field}`}
            type="number"
            min={0}
            max={100000}
            step={1}
            value={values[field]}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => setValues({ ...values, [field]: e.target.value })}
            data-testid={`threshold-${field}`}
          />
          <FormMessage>{errors[field]}</FormMessage>
        </FormGroup>
      ))}
      <Button variant="contained" onClick={submit} disabled={busy} data-testid="save-alert-thresholds">
        {translateButton("save", resource.id)}
      </Button>
    </Box>
  );
};

export default AlertThresholds;
