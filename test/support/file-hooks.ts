import { afterAll } from "vitest";
import { closeSharedHub } from "./hub";

// A setup file's hooks attach to each test file's root suite: the file's one hub is
// closed after its last test, whichever `describe` blocks used it.
afterAll(async () => {
  await closeSharedHub();
});
