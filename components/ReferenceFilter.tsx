// AdminJS's filter of a reference column, for admins who may not search the referenced table (a viewer
// filtering by the admin who took a request): AdminJS's picker would ask that table's search action and
// be refused with a 403 on every list page. Those admins get a field for the record's id instead.
import React, { useState } from "react";
import { FormGroup, SelectAsync } from "@adminjs/design-system";
import { ApiClient, PropertyLabel, type FilterPropertyProps } from "adminjs";
import { ReferenceIdInput, useCanSearchReference } from "./reference-id.js";

type Option = { value: string | number; label: string };

const Picker: React.FC<FilterPropertyProps> = ({ property, filter, onChange }) => {
  const [options, setOptions] = useState<Option[]>([]);
  const loadOptions = async (query: string): Promise<Option[]> => {
    const records = await new ApiClient().searchRecords({ resourceId: property.reference!, query });
    const loaded = records.map((r) => ({ value: r.id, label: r.title || `#${r.id}` }));
    setOptions(loaded);
    return loaded;
  };
  const value: unknown = filter[property.path] ?? "";
  const selected = options.find((o) => String(o.value) === String(value));
  return (
    <SelectAsync
      variant="filter"
      value={selected ?? ""}
      isClearable
      cacheOptions
      loadOptions={loadOptions}
      onChange={(chosen: Option | null) => onChange(property.path, chosen ? chosen.value : "")}
      defaultOptions
      aria-label={property.label}
    />
  );
};

const ReferenceFilter: React.FC<FilterPropertyProps> = (props) => {
  const { property, filter, onChange, resource } = props;
  const canSearch = useCanSearchReference(property);
  return (
    <FormGroup variant="filter">
      <PropertyLabel property={property} filter />
      {canSearch ? (
        <Picker {...props} />
      ) : (
        <ReferenceIdInput
          name={`filter-${property.path}`}
          value={filter[property.path]}
          resourceId={resource.id}
          onChange={(value) => onChange(property.path, value)}
        />
      )}
    </FormGroup>
  );
};

export default ReferenceFilter;
