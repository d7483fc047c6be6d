// The "Segments" page of Marketing: the segment builder with its live preview (how many customers the
// criteria match now, and the newest of them), and every saved segment with its count; a saved segment
// opens its record, where it is renamed or re-aimed. Data: segmentsPage in
// src/modules/campaigns/segments/page.ts.
import React, { useState } from "react";
import { ApiClient, useTranslation } from "adminjs";
import { Box, H2, H3, Link, Loader, MessageBox, Text } from "@adminjs/design-system";
import type { SegmentsPageData } from "../../src/modules/campaigns/segments/page.js";
import type { SegmentCriteriaInput } from "../../src/modules/campaigns/index.js";
import { formatDate, formatNumber, pageLanguage } from "../../src/lib/format.js";
import { usePageData } from "../use-page-data.js";
import ErrorPage from "../ErrorPage.js";
import { scrollRegion } from "../page-kit.js";
import SegmentBuilder from "./SegmentBuilder.js";

const api = new ApiClient();

const SegmentsPage: React.FC = () => {
  const { translateMessage } = useTranslation();
  const [criteria, setCriteria] = useState<SegmentCriteriaInput>({});
  const key = JSON.stringify(criteria);
  const { data, error } = usePageData<SegmentsPageData>(key, (signal) =>
    api
      .getPage({ pageName: "campaignSegments", params: { criteria: key }, signal })
      .then((res) => res.data as SegmentsPageData | { error: string }),
  );
  if (error === "campaignsForbidden") return <ErrorPage status={403} />;
  const language = pageLanguage();
  return (
    <Box variant="grey" data-testid="campaign-segments">
      <H2 mx="md">{translateMessage("segmentsTitle")}</H2>
      {error ? <MessageBox variant="danger" message={translateMessage(error)} mx="md" mb="lg" /> : null}
      <Box flex flexDirection="row" flexWrap="wrap" style={{ gap: 24 }} mx="md">
        <Box variant="container" style={{ flex: "1 1 420px" }}>
          <H3>{translateMessage("segmentsBuilder")}</H3>
          <SegmentBuilder value={criteria} onChange={setCriteria} problems={data?.problems} />
        </Box>
        <Box variant="container" style={{ flex: "1 1 320px" }} aria-live="polite">
          <H3>{translateMessage("segmentsPreview")}</H3>
          {!data && !error ? <Loader /> : null}
          {data?.preview ? (
            <>
              <Text data-testid="segment-count" mb="lg" fontSize="lg">
                {`${formatNumber(data.preview.count, language)} ${translateMessage("segmentsCustomers")}`}
              </Text>
              <ul>
                {data.preview.sample.map((c) => (
                  <li key={c.id}>
                    <Link href={`/admin/resources/customers/records/${c.id}/show`}>{c.name}</Link>
                    {` · ${c.email} · ${formatDate(c.createdAt, language)}`}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {data && !data.preview ? <Text>{translateMessage("segmentsFixCriteria")}</Text> : null}
        </Box>
      </Box>
      <Box variant="container" mx="md" mt="lg">
        <H3>{translateMessage("segmentsSaved")}</H3>
        {data && data.saved.length === 0 ? <Text>{translateMessage("segmentsNoneSaved")}</Text> : null}
        {data && data.saved.length ? (
          <Box style={{ overflowX: "auto" }} {...scrollRegion(translateMessage("segmentsSaved"))}>
            <table style={{ width: "100%", borderCollapse: "collapse" }}>
              <thead>
                <tr style={{ textAlign: "left" }}>
                  <th>{translateMessage("segmentsColName")}</th>
                  <th>{translateMessage("segmentsColDescription")}</th>
                  <th style={{ textAlign: "right" }}>{translateMessage("segmentsColCount")}</th>
                </tr>
              </thead>
              <tbody>
                {data.saved.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <Link href={`/admin/resources/segments/records/${s.id}/show`}>{s.name}</Link>
                    </td>
                    <td>{s.description ?? ""}</td>
                    <td style={{ textAlign: "right" }}>{formatNumber(s.count, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Box>
        ) : null}
        <Box mt="lg">
          <Link href="/admin/resources/segments/actions/new">{translateMessage("segmentsNew")}</Link>
        </Box>
      </Box>
    </Box>
  );
};

export default SegmentsPage;
