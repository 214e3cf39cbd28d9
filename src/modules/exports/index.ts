export { DATASETS } from "./datasets";
