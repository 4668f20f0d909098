import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// A path on disk, not a URL object: under happy-dom `URL` is the DOM's and readFileSync would reject it.
const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures");

export function readFixture(relativePath: string): string {
	return readFileSync(path.join(fixtures, relativePath), "utf8");
}

/** The CS294 AI-Systems catalogue the product was born from. */
export const EXAMPLE_TEXT = readFixture("cs294-ai-sys-sp22.md");
export const EXAMPLE_PATH = "CS294 AI-Systems.md";
