/**
 * What the `sync` command prints: the `--json` shapes and the human-readable text,
 * for a dry run (a plan) and for an applied run (a report). Pure: no I/O.
 */
import type { SyncReport } from "../sync/apply";
import type { SyncPlan } from "../sync/plan";
import { plural } from "../text/plural";

/** The `--json` shape of `sync --dry-run`: fixed keys in a fixed order. */
export interface DryRunJson {
	dryRun: true;
	create: string[];
	link: number;
	unchanged: number;
	conflicts: { title: string; reason: string }[];
}

/** The `--json` shape of `sync`: fixed keys in a fixed order. */
export interface SyncJson {
	created: string[];
	linked: number;
	unchanged: number;
	conflicts: { paper: string; reason: string }[];
	errors: { paper: string; path: string; message: string }[];
}

export function dryRunJson(plan: SyncPlan): DryRunJson {
	return {
		dryRun: true,
		create: plan.create.map((note) => note.path),
		link: plan.link.length,
		unchanged: plan.unchanged.length,
		conflicts: plan.conflicts.map((conflict) => ({ title: conflict.title, reason: conflict.reason })),
	};
}

export function syncJson(report: SyncReport): SyncJson {
	return {
		created: [...report.created],
		linked: report.linked,
		unchanged: report.unchanged,
		conflicts: report.conflicts.map((conflict) => ({ paper: conflict.title, reason: conflict.reason })),
		errors: report.errors.map((error) => ({ paper: error.title, path: error.path, message: error.message })),
	};
}

/** `in Papers`, or `in the vault root` when the notes go to the top of the vault. */
function inFolder(folder: string): string {
	return folder === "/" || folder === "" ? "in the vault root" : `in ${folder}`;
}

/** Keeps each conflict and error on its own line, whatever its message holds. */
function oneLine(text: string): string {
	return text.replace(/\s*[\r\n]+\s*/g, " ").trim();
}

function conflictLine(title: string, reason: string): string {
	return `Conflict: "${oneLine(title)}": ${oneLine(reason)}`;
}

/** The human-readable output of `sync --dry-run`. */
export function formatPlan(plan: SyncPlan, notesFolder: string): string {
	const lines = [
		`Dry run: would create ${plural(plan.create.length, "note")} ${inFolder(notesFolder)}, link ${plural(plan.link.length, "catalogue item")}, ${plan.unchanged.length} unchanged.`,
	];
	for (const note of plan.create) lines.push(`  create ${note.path}`);
	for (const conflict of plan.conflicts) lines.push(conflictLine(conflict.title, conflict.reason));
	lines.push("Nothing was written.");
	return `${lines.join("\n")}\n`;
}

/** The human-readable output of an applied `sync`: a summary line, then one line per conflict and per error. */
export function formatReport(report: SyncReport, notesFolder: string): string {
	const lines = [
		`Created ${plural(report.created.length, "note")} ${inFolder(notesFolder)}, linked ${plural(report.linked, "catalogue item")}, ${report.unchanged} unchanged.`,
	];
	for (const conflict of report.conflicts) lines.push(conflictLine(conflict.title, conflict.reason));
	for (const error of report.errors) {
		const subject = error.title === "" ? error.path : `"${oneLine(error.title)}" (${error.path})`;
		lines.push(`Error: ${subject}: ${oneLine(error.message)}`);
	}
	return `${lines.join("\n")}\n`;
}
