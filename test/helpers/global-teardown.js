// jest globalTeardown: drops this run's test databases.
import { prepare } from "./global-setup.js";

export default function globalTeardown(globalConfig) {
  prepare("drop", globalConfig.maxWorkers);
}
