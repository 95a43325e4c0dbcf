/**
 * Somewhere files can be read from: a directory (see `nodeFileSource` in
 * `@mytorch/data/node`), a web server, an in-memory map in a test.
 * `name` says where, for error messages (a directory path, a URL).
 * `read` returns the file's bytes, already gunzipped when the file name ends
 * in `.gz`, or null when there is no such file.
 */
export interface FileSource {
  name: string;
  read(fileName: string): Promise<Uint8Array | null>;
}

/** A FileSource over files held in memory (tests, or bytes fetched elsewhere). */
export function memoryFileSource(name: string, files: Record<string, Uint8Array>): FileSource {
  return {
    name,
    read: (fileName) => Promise.resolve(Object.hasOwn(files, fileName) ? files[fileName]! : null),
  };
}
