export { DATASETS } from "./datasets";
export type { Dataset, ExportParams } from "./datasets";
