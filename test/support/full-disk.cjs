/**
 * Preloaded into a hub process by a test (`node --require`): while the file named by
 * NEAR_TEST_FULL_DISK_FLAG exists, the disk under NEAR_TEST_FULL_DISK_DIR reads as full
 * (`statfs` reports no free block), as `df` would show a full disk.
 */
const { promises } = require("node:fs");

const dir = process.env.NEAR_TEST_FULL_DISK_DIR;
const flag = process.env.NEAR_TEST_FULL_DISK_FLAG;
if (dir && flag) {
  const { statfs, access } = promises;
  promises.statfs = async function (path, ...rest) {
    const disk = await statfs.call(this, path, ...rest);
    const full = String(path).startsWith(dir) && (await access(flag).then(() => true, () => false));
    return full ? Object.assign(disk, { bfree: 0, bavail: 0 }) : disk;
  };
}
