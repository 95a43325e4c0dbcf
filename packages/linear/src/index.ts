export { Linear, type LinearOptions } from "./linear.js";
