// What other modules may use of the campaigns module: segments (criteria, their SQL, their customers).
export {
  ZSegmentCriteria,
  parseSegmentCriteria,
  PLAN_TYPES,
  CUSTOMER_STATUSES,
  LANGUAGES,
  BILLING_STATES,
  REFERRAL_SOURCES,
  type SegmentCriteria,
  type SegmentCriteriaInput,
  type CriteriaProblem,
  type ParsedCriteria,
} from "./segments/rules/criteria.js";
export {
  compileSegment,
  compileValidCriteria,
  type CompileOptions,
  type CompiledSegment,
} from "./segments/rules/compile.js";
export {
  countSegment,
  segmentCustomerIds,
  streamSegmentCustomerIds,
  sampleSegment,
  previewSegment,
  type SegmentDeps,
  type IdPageOptions,
  type SegmentSampleRow,
} from "./segments/query.js";
export { loadSegment, listSegments, checkedCriteria, type SavedSegment } from "./segments/saved.js";
