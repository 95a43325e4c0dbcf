export { default } from "../../vitest.student.ts";
