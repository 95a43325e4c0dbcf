#!/usr/bin/env node
/// <reference types="node" />
// Entry point of `pnpm train` (node packages/mytorch/dist/cli/train.js); see train-options.ts for the options.
import { main } from "./main.js";

process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
