import { readFileSync } from "node:fs";

/** The CS294 AI-Systems catalogue the product was born from. */
export const EXAMPLE_TEXT = readFileSync(new URL("../fixtures/cs294-ai-sys-sp22.md", import.meta.url), "utf8");
export const EXAMPLE_PATH = "CS294 AI-Systems.md";

export function readFixture(relativePath: string): string {
	return readFileSync(new URL(`../fixtures/${relativePath}`, import.meta.url), "utf8");
}
