import { afterAll } from "vitest";
import { closeSharedHub } from "./hub";
import { killLeftoverProcesses } from "./process";

// A setup file's hooks attach to each test file's root suite: the file's one hub is
// closed after its last test, whichever `describe` blocks used it, and no process a
// test started outlives the file (a failed assertion may have skipped its kill).
afterAll(async () => {
  await closeSharedHub();
  await killLeftoverProcesses();
});
