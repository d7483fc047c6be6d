// Template versions: activation (exactly one active per template), rollback, and the active version.
export {
  activateVersion,
  rollbackTemplate,
  activeVersionOf,
  type ActivateVersionOptions,
  type TemplatesDb,
} from "./activate-version.js";
