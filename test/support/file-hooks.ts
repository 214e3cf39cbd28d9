import { afterAll } from "vitest";
import { setStatementTextCheck } from "../../src/core/reads/statement-text";
import { closeSharedHub } from "./hub";
import { killLeftoverProcesses } from "./process";

// A setup file's hooks attach to each test file's root suite: the file's one hub is
// closed after its last test, whichever `describe` blocks used it, and no process a
// test started outlives the file (a failed assertion may have skipped its kill).
// Every page's remembered statement text is checked against the one TypeORM builds.
setStatementTextCheck(true);

afterAll(async () => {
  await closeSharedHub();
  await killLeftoverProcesses();
});
