/**
 * Failures in the background (a tick that cannot update its note, a write that fails) are shown, never swallowed:
 * a notice saying what could not be done and why, and the details on the console for a bug report.
 */
import { Notice } from "obsidian";

/** How long a failure stays on screen: long enough to read a path and a reason. */
const FAILURE_NOTICE_MS = 15_000;

export function reasonOf(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	// YAML errors quote the offending lines after the first: the first says what is wrong.
	return (message.split("\n")[0] ?? message).trim() || "unknown error";
}

/** Shows `what` could not be done, and why. */
export function showFailure(what: string, error: unknown): void {
	console.error(`Paper Catalogue: ${what}`, error);
	new Notice(`${what}: ${reasonOf(error)}`, FAILURE_NOTICE_MS);
}

/** Runs background work so that a failure shows a notice instead of an unhandled rejection. */
export function inBackground(what: string, work: Promise<unknown>): void {
	work.catch((error: unknown) => showFailure(what, error));
}
