// A record's page with what belongs to it (the table spec's `related`): below AdminJS's fields, one
// table per related table the admin may list, its newest rows linked to their pages, and a link to the
// list filtered on this record for the rest. The rows come with the record (src/admin/related-records.ts).
import React from "react";
import { Link } from "react-router-dom";
import { Badge, Box, H4, Table, TableBody, TableCell, TableHead, TableRow, Text } from "@adminjs/design-system";
import {
  BasePropertyComponent,
  Show,
  ViewHelpers,
  useResource,
  useTranslation,
  type ActionProps,
  type RecordJSON,
} from "adminjs";

/** What src/admin/related-records.ts puts on the record (RelatedSection). */
interface Section {
  resourceId: string;
  property: string;
  total: number;
  records: RecordJSON[];
}

/** Columns of a related table shown beside each row's title. */
const COLUMNS = 4;

const h = new ViewHelpers();

const RelatedTable: React.FC<{ section: Section; recordId: string }> = ({ section, recordId }) => {
  const resource = useResource(section.resourceId);
  const { translateLabel, translateMessage, translateProperty } = useTranslation();
  if (!resource) return null;
  const columns = resource.listProperties
    .filter((p) => p.propertyPath !== section.property && !p.isTitle)
    .slice(0, COLUMNS);
  const listUrl = h.resourceUrl({
    resourceId: section.resourceId,
    search: `?filters.${section.property}=${encodeURIComponent(recordId)}`,
  });
  const label = translateLabel(section.resourceId);
  return (
    <Box mt="xl" data-testid={`related-${section.resourceId}`}>
      <H4 mb="default">
        {label}{" "}
        <Badge variant="default" outline size="sm" data-testid="related-total">
          {section.total}
        </Badge>
      </H4>
      {section.records.length === 0 ? (
        <Text color="grey60">{translateMessage("relatedNone", section.resourceId)}</Text>
      ) : (
        <Box style={{ overflowX: "auto" }}>
          <Table style={{ width: "100%" }}>
            <TableHead>
              <TableRow>
                <TableCell>{translateMessage("relatedRecord", section.resourceId)}</TableCell>
                {columns.map((p) => (
                  <TableCell key={p.propertyPath}>{translateProperty(p.label, resource.id)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {section.records.map((record) => {
                const title = record.title || `#${record.id}`;
                const canShow = record.recordActions.some((a) => a.name === "show");
                return (
                  <TableRow key={record.id} data-testid="related-row">
                    <TableCell>
                      {canShow ? (
                        <Link
                          to={h.recordActionUrl({ resourceId: resource.id, recordId: record.id, actionName: "show" })}
                        >
                          {title}
                        </Link>
                      ) : (
                        title
                      )}
                    </TableCell>
                    {columns.map((p) => (
                      <TableCell
                        key={p.propertyPath}
                        style={(p.custom as { oneLine?: boolean }).oneLine ? { whiteSpace: "nowrap" } : undefined}
                      >
                        <BasePropertyComponent where="list" property={p} resource={resource} record={record} />
                      </TableCell>
                    ))}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Box>
      )}
      {section.total > 0 ? (
        <Box mt="default">
          <Link to={listUrl} data-testid="related-all">
            {section.total > section.records.length
              ? translateMessage("relatedSeeAll", section.resourceId, { count: section.total })
              : translateMessage("relatedOpenList", section.resourceId)}
          </Link>
        </Box>
      ) : null}
    </Box>
  );
};

const RecordShow: React.FC<ActionProps> = (props) => {
  const { record } = props;
  const sections = ((record as (RecordJSON & { related?: Section[] }) | undefined)?.related ?? []) as Section[];
  return (
    <>
      <Show {...props} />
      {record && sections.length ? (
        <Box variant="container" mt="xl" data-testid="related-records">
          {sections.map((section) => (
            <RelatedTable
              key={`${section.resourceId}.${section.property}`}
              section={section}
              recordId={String(record.id)}
            />
          ))}
        </Box>
      ) : null}
    </>
  );
};

export default RecordShow;
