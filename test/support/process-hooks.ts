import { afterAll } from "vitest";
import { killLeftoverProcesses } from "./process";

// After each test file: no process a test started outlives the file (a failed assertion may have skipped its kill).
afterAll(async () => {
  await killLeftoverProcesses();
});
