/// <reference types="node" />
// @mytorch/data/node: reading data sets from disk in Node (fs, zlib).
// The browser-safe core is "@mytorch/data"; this module adds directories as FileSources.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import { DataError } from "./data-error.js";
import { DEBIAN_FASHION_MNIST_DIR, loadFashionMnist, type FashionMnist, type FashionMnistOptions } from "./fashion-mnist.js";
import type { FileSource } from "./file-source.js";

export * from "./index.js";

const gunzipAsync = promisify(gunzip);

/**
 * The files of directory `dir` as a FileSource: `read(name)` returns the bytes
 * of dir/name, gunzipped when the name ends in `.gz`, or null when there is no
 * such file. A file that cannot be read or a corrupt .gz throws DataError.
 */
export function nodeFileSource(dir: string): FileSource {
  const root = resolve(dir);
  return {
    name: root,
    async read(fileName: string): Promise<Uint8Array | null> {
      const path = resolve(root, fileName);
      let bytes: Uint8Array;
      try {
        bytes = await readFile(path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "ENOENT" || code === "ENOTDIR") return null;
        throw new DataError(`${path}: cannot be read (${(error as Error).message})`, { cause: error });
      }
      if (fileName.endsWith(".gz")) {
        try {
          bytes = await gunzipAsync(bytes);
        } catch (error) {
          throw new DataError(`${path}: not valid gzip data (${(error as Error).message}); the file is corrupt or truncated`, {
            cause: error,
          });
        }
      }
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
  };
}

/**
 * The directories loadFashionMnistFromDisk looks in, in order: `dir` (when
 * given), $MYTORCH_DATA_DIR (when set), then /usr/share/datasets/fashion-mnist.
 */
export function fashionMnistDirs(dir?: string): string[] {
  const fromEnv = process.env["MYTORCH_DATA_DIR"];
  return [dir, fromEnv, DEBIAN_FASHION_MNIST_DIR].filter((d): d is string => d !== undefined && d !== "");
}

/**
 * Loads Fashion-MNIST from disk, looking in fashionMnistDirs(dir) for each
 * file, plain or gzipped. Errors as loadFashionMnist: they name the file,
 * what was wrong, every place looked in, and how to get the data.
 */
export function loadFashionMnistFromDisk(dir?: string, options: FashionMnistOptions = {}): Promise<FashionMnist> {
  return loadFashionMnist(fashionMnistDirs(dir).map(nodeFileSource), options);
}
