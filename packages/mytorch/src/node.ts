// mytorch/node: everything in "mytorch", plus the Node-only loaders (fs, zlib).
//   import { MLP1, fit, loadFashionMnistFromDisk } from "mytorch/node";
export * from "./index.js";
export { nodeFileSource, loadFashionMnistFromDisk, fashionMnistDirs } from "@mytorch/data/node";
