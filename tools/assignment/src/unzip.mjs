// Reads a submission zip, defensively: regular files only (no symlinks, no
// absolute or ".." paths), at most MAX_ENTRIES entries and MAX_BYTES in all
// once inflated (a zip bomb stops there), so a bad archive costs only itself.
import { inflateRawSync } from "node:zlib";

const MAX_ENTRIES = 5000;
const MAX_BYTES = 64 << 20;

/** Why an entry name is refused, or null. */
function badName(name) {
  if (name.length === 0 || name.length > 400) return "a name of unusual length";
  if (name.startsWith("/") || /^[A-Za-z]:/.test(name) || name.includes("\\")) return "an absolute path";
  if (name.split("/").some((part) => part === "..")) return "a path that leaves the archive (..)";
  return null;
}

/**
 * The files of `buffer` (a zip) as [{ name, data }]; directories skipped, and
 * entries `keep(name, size)` declines neither inflated nor counted. Throws
 * with the reason on a bad archive.
 */
export function unzip(buffer, keep = () => true) {
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > buffer.length) throw new Error("not a zip file (no end of central directory)");
  const count = buffer.readUInt16LE(end + 10);
  let offset = buffer.readUInt32LE(end + 16);
  if (count > MAX_ENTRIES) throw new Error(`the zip holds ${count} entries; at most ${MAX_ENTRIES} are read`);
  const files = [];
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== 0x02014b50) throw new Error("a damaged zip (central directory)");
    const method = buffer.readUInt16LE(offset + 10);
    const compressedSize = buffer.readUInt32LE(offset + 20);
    const size = buffer.readUInt32LE(offset + 24);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const unixMode = buffer.readUInt32LE(offset + 38) >>> 16;
    const local = buffer.readUInt32LE(offset + 42);
    const name = buffer.toString("utf8", offset + 46, offset + 46 + nameLength);
    offset += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith("/")) continue;
    const bad = badName(name);
    if (bad) throw new Error(`the zip entry ${JSON.stringify(name.slice(0, 80))} is ${bad}`);
    const type = unixMode & 0o170000;
    if (type !== 0 && type !== 0o100000) throw new Error(`the zip entry ${JSON.stringify(name)} is not a regular file (a symlink?)`);
    if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== 0x04034b50) throw new Error(`a damaged zip (entry ${name})`);
    if (!keep(name, size)) continue;
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const raw = buffer.subarray(start, start + compressedSize);
    total += size;
    if (total > MAX_BYTES) throw new Error(`the zip inflates to more than ${MAX_BYTES >> 20} MB`);
    let data;
    if (method === 0) data = Buffer.from(raw);
    else if (method === 8) {
      try {
        data = inflateRawSync(raw, { maxOutputLength: MAX_BYTES - total + size });
      } catch (error) {
        throw new Error(`the zip entry ${JSON.stringify(name)} could not be inflated (${error.code ?? error.message})`, { cause: error });
      }
    } else throw new Error(`the zip entry ${JSON.stringify(name)} uses compression method ${method}; only stored and deflate are read`);
    if (data.length !== size) throw new Error(`the zip entry ${JSON.stringify(name)} is not the size its header says`);
    files.push({ name, data });
  }
  return files;
}
