/**
 * The command-line interface, runnable in-process: `runCli(argv, io)` returns the exit code instead of exiting.
 *
 * Exit codes: 0 success, 1 some papers could not be synced (reported in the command's output) or an unexpected
 * internal error, 2 bad input (usage, vault or file problems, an unusable template or notes folder).
 * Every failure is one line on stderr, prefixed with `paper-catalogue: `; stack traces are never printed.
 *
 * Commands live in the `commands` table below: a new command is one more entry, and the help text,
 * option parsing and validation follow from its entry.
 */
import { parseArgs } from "node:util";
import { CatalogueParser, parseCatalogue } from "../catalogue/parse";
import { FileSystemVault } from "../node/fs-note-vault";
import { readVaultText, VaultError } from "../node/fs-vault";
import { TemplateError } from "../notes/template";
import { normalizeVaultPath, tidyVaultPath } from "../notes/vault-path";
import { doneByCheckboxOrNote, progressOf, type CatalogueProgress, type Tally } from "../progress/completion";
import { statusesOfUncheckedItems } from "../progress/note-status";
import { DEFAULT_SETTINGS } from "../settings";
import { PlanError, type SyncPlan, type SyncSettings } from "../sync/plan";
import { planSync, type SyncRequest } from "../sync/sync";
import { applyPlan } from "../sync/apply";
import { type LookupWithCache, planSyncWithDetails } from "../details/details-run";
import { reasonsWithoutDetails } from "../details/lookup";
import { bibCommand, cliDetailsSetup, detailsCommand } from "./details-commands";
import { reportCommand } from "./report-command";
import { dryRunJson, formatPlan, formatReport, syncJson } from "./sync-output";
import { CATALOGUE_OPTION, type CliIo, type CommandArgs, type CommandSpec, EXIT_INTERNAL, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, HELP_OPTION, type OptionSpec, PROGRAM, UsageError, VAULT_DIR } from "./command-spec";

export { type CliIo, EXIT_INTERNAL, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, PROGRAM, UsageError } from "./command-spec";

// ---------------------------------------------------------------------------------------------------------------
// Command table

/** The link styles `sync --link-style` accepts; the first is the default. */
const LINK_STYLES = ["wikilink", "markdown"] as const satisfies readonly SyncSettings["linkStyle"][];

const commands: Record<string, CommandSpec> = {
	progress: {
		summary: "Show how much of a catalogue note is read, overall and per section.",
		positionals: [VAULT_DIR],
		options: {
			catalogue: CATALOGUE_OPTION,
			json: { type: "boolean", description: "print the progress as JSON instead of a table" },
		},
		run: runProgress,
	},
	sync: {
		summary: "Create a note for every paper in a catalogue note that has none, and link each item to its note.",
		positionals: [VAULT_DIR],
		options: {
			catalogue: CATALOGUE_OPTION,
			folder: {
				type: "string",
				valueName: "path",
				description: `the folder inside the vault for new notes, "/" for the vault root (default "${DEFAULT_SETTINGS.notesFolder}")`,
			},
			template: {
				type: "string",
				valueName: "path",
				description: "a template note's path inside the vault folder (default: the built-in review template)",
			},
			"date-format": {
				type: "string",
				valueName: "tokens",
				description: `date-fns tokens for {{date}} (default "${DEFAULT_SETTINGS.dateFormat}")`,
			},
			"file-name": {
				type: "string",
				valueName: "format",
				description: `the new notes' file names, with placeholders (default "${DEFAULT_SETTINGS.fileNameFormat}")`,
			},
			"link-style": {
				type: "string",
				valueName: LINK_STYLES.join("|"),
				description: `how the links added to the catalogue are written (default "${LINK_STYLES[0]}")`,
			},
			details: { type: "boolean", description: "look up each new paper's details online first (arXiv, Semantic Scholar, doi.org), as the plugin's setting does" },
			"dry-run": { type: "boolean", description: "show what would be created and linked, and write nothing" },
			json: { type: "boolean", description: "print the result as JSON" },
		},
		run: runSync,
	},
	details: detailsCommand,
	bib: bibCommand,
	report: reportCommand,
};

function commandNamed(name: string): CommandSpec | undefined {
	return Object.hasOwn(commands, name) ? commands[name] : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Help

function optionLabel(name: string, option: OptionSpec): string {
	const long = option.type === "string" ? `--${name} <${option.valueName ?? "value"}>` : `--${name}`;
	return option.short === undefined ? long : `-${option.short}, ${long}`;
}

function allOptions(command: CommandSpec): [string, OptionSpec][] {
	return [...Object.entries(command.options), ["help", HELP_OPTION]];
}

function usageLine(name: string, command: CommandSpec): string {
	const parts = [PROGRAM, name, ...command.positionals.map((positional) => `<${positional.name}>`)];
	for (const [optionName, option] of Object.entries(command.options)) {
		const label = option.type === "string" ? `--${optionName} <${option.valueName ?? "value"}>` : `--${optionName}`;
		parts.push(option.required ? label : `[${label}]`);
	}
	return parts.join(" ");
}

function table(rows: [string, string][], indent: string): string[] {
	const width = Math.max(...rows.map(([label]) => label.length));
	return rows.map(([label, description]) => `${indent}${label.padEnd(width)}   ${description}`);
}

function commandHelpLines(name: string, command: CommandSpec, indent: string): string[] {
	const rows: [string, string][] = [
		...command.positionals.map((positional): [string, string] => [`<${positional.name}>`, positional.description]),
		...allOptions(command).map(([optionName, option]): [string, string] => [
			optionLabel(optionName, option),
			option.required ? `${option.description} (required)` : option.description,
		]),
	];
	return [`${indent}${usageLine(name, command)}`, `${indent}  ${command.summary}`, ...table(rows, `${indent}    `)];
}

function generalHelp(): string {
	const lines = [
		`${PROGRAM}: make a linked note for each paper in a reading-list note, and track your progress through it.`,
		"",
		"Usage:",
		`  ${PROGRAM} <command> [arguments] [options]`,
		`  ${PROGRAM} help [command]`,
		"",
		"Commands:",
	];
	for (const [name, command] of Object.entries(commands)) {
		lines.push(...commandHelpLines(name, command, "  "), "");
	}
	lines.push(
		...table([["help [command]", "show this help, or the help of one command"]], "  "),
		"",
		"Options:",
		...table([[optionLabel("help", HELP_OPTION), "show this help"]], "  "),
		"",
		"Exit codes: 0 success, 1 some papers could not be synced or an internal error, 2 bad input.",
	);
	return `${lines.join("\n")}\n`;
}

function commandHelp(name: string, command: CommandSpec): string {
	return `${["Usage:", ...commandHelpLines(name, command, "  ")].join("\n")}\n`;
}

// ---------------------------------------------------------------------------------------------------------------
// Argument parsing

function parseCommandArgs(name: string, command: CommandSpec, argv: string[]): CommandArgs | "help" {
	const specs = new Map<string, OptionSpec>(allOptions(command));
	const parseOptions: Record<string, { type: "string" | "boolean"; short?: string }> = {};
	for (const [optionName, option] of specs) {
		parseOptions[optionName] = option.short === undefined ? { type: option.type } : { type: option.type, short: option.short };
	}
	// Not strict: the tokens are validated below, so that every problem gets a short message of ours.
	const { tokens } = parseArgs({ args: argv, options: parseOptions, strict: false, allowPositionals: true, tokens: true });

	const positionals: string[] = [];
	const strings = new Map<string, string>();
	const flags = new Set<string>();
	for (const token of tokens) {
		if (token.kind === "positional") {
			positionals.push(token.value);
			continue;
		}
		if (token.kind !== "option") continue;
		const option = specs.get(token.name);
		if (option === undefined) throw new UsageError(`unknown option ${token.rawName} for "${name}" (see ${PROGRAM} ${name} --help)`);
		if (option === HELP_OPTION) return "help";
		if (strings.has(token.name) || flags.has(token.name)) throw new UsageError(`option --${token.name} is given more than once`);
		if (option.type === "boolean") {
			if (token.value !== undefined) throw new UsageError(`option --${token.name} does not take a value`);
			flags.add(token.name);
			continue;
		}
		// parseArgs hands a string option the next argument even when that is another option.
		const value = token.value;
		if (value === undefined || value === "" || (!token.inlineValue && value.startsWith("-") && value !== "-")) {
			throw new UsageError(`option --${token.name} needs a value: --${token.name} <${option.valueName ?? "value"}>`);
		}
		strings.set(token.name, value);
	}

	const missing = command.positionals[positionals.length];
	if (missing !== undefined) throw new UsageError(`missing <${missing.name}> (usage: ${usageLine(name, command)})`);
	const extra = positionals[command.positionals.length];
	if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}" (usage: ${usageLine(name, command)})`);
	for (const [optionName, option] of specs) {
		if (option.required && !strings.has(optionName)) {
			throw new UsageError(`missing --${optionName} <${option.valueName ?? "value"}> (usage: ${usageLine(name, command)})`);
		}
	}

	return {
		positionals,
		string: (optionName) => strings.get(optionName),
		flag: (optionName) => flags.has(optionName),
	};
}

// ---------------------------------------------------------------------------------------------------------------
// progress

export interface TallyJson {
	total: number;
	done: number;
}

export interface ProgressJson {
	catalogue: string;
	total: number;
	done: number;
	required: TallyJson;
	optional: TallyJson;
	sections: { title: string; total: number; done: number; required: TallyJson; optional: TallyJson }[];
}

function tallyJson(tally: Tally): TallyJson {
	return { total: tally.total, done: tally.done };
}

/** The `--json` shape of `progress`: fixed keys in a fixed order. */
export function progressJson(cataloguePath: string, progress: CatalogueProgress): ProgressJson {
	return {
		catalogue: cataloguePath,
		total: progress.total,
		done: progress.done,
		required: tallyJson(progress.required),
		optional: tallyJson(progress.optional),
		sections: progress.sections.map((section) => ({
			title: section.title,
			total: section.total,
			done: section.done,
			required: tallyJson(section.required),
			optional: tallyJson(section.optional),
		})),
	};
}

const BAR_WIDTH = 20;
const TITLE_WIDTH = 40;

/** Width in terminal columns, counting code points (good enough for the Latin titles of reading lists). */
function width(text: string): number {
	return Array.from(text).length;
}

function padEnd(text: string, columns: number): string {
	return text + " ".repeat(Math.max(0, columns - width(text)));
}

function padStart(text: string, columns: number): string {
	return " ".repeat(Math.max(0, columns - width(text))) + text;
}

/** Cuts `text` to at most `columns` columns, ending it with `…` when it was longer. */
export function truncate(text: string, columns: number): string {
	const characters = Array.from(text);
	if (characters.length <= columns) return text;
	return `${characters.slice(0, Math.max(0, columns - 1)).join("").trimEnd()}…`;
}

/** A text bar, full only when everything is done and empty only when nothing is. */
export function progressBar(done: number, total: number, columns = BAR_WIDTH): string {
	let filled = total > 0 ? Math.round((done / total) * columns) : 0;
	if (done > 0 && done < total) filled = Math.min(Math.max(filled, 1), columns - 1);
	filled = Math.min(Math.max(filled, 0), columns);
	return "█".repeat(filled) + "░".repeat(columns - filled);
}

function fraction(tally: Tally): string {
	return `${tally.done}/${tally.total}`;
}

/** The human-readable output of `progress`. */
export function formatProgress(cataloguePath: string, progress: CatalogueProgress): string {
	const lines = [
		`${cataloguePath}: ${fraction(progress)} read (required ${fraction(progress.required)}, optional ${fraction(progress.optional)})`,
	];
	if (progress.sections.length === 0) {
		lines.push("", "No papers found.");
		return `${lines.join("\n")}\n`;
	}
	const rows = progress.sections.map((section) => ({
		title: truncate(section.title.trim() === "" ? "(no section)" : section.title.trim(), TITLE_WIDTH),
		bar: progressBar(section.done, section.total),
		count: fraction(section),
		required: `required ${fraction(section.required)}`,
		optional: `optional ${fraction(section.optional)}`,
	}));
	const titleWidth = Math.max(...rows.map((row) => width(row.title)));
	const countWidth = Math.max(...rows.map((row) => width(row.count)));
	const requiredWidth = Math.max(...rows.map((row) => width(row.required)));
	lines.push("");
	for (const row of rows) {
		lines.push(
			`${padEnd(row.title, titleWidth)}  ${row.bar}  ${padStart(row.count, countWidth)}  ${padEnd(row.required, requiredWidth)}  ${row.optional}`,
		);
	}
	return `${lines.join("\n")}\n`;
}

async function runProgress(args: CommandArgs, io: CliIo): Promise<number> {
	const [vaultDir = ""] = args.positionals;
	const cataloguePath = tidyVaultPath(args.string("catalogue") ?? "");
	const text = await readVaultText(vaultDir, cataloguePath);
	const catalogue = parseCatalogue(text);
	// An item without a checkbox is done when its note says so, as in the plugin.
	const statuses = await statusesOfUncheckedItems(new FileSystemVault(vaultDir), catalogue, cataloguePath);
	const progress = progressOf(catalogue, doneByCheckboxOrNote((paper) => statuses.get(paper.id)));
	io.stdout(args.flag("json") ? `${JSON.stringify(progressJson(cataloguePath, progress), null, 2)}\n` : formatProgress(cataloguePath, progress));
	return EXIT_OK;
}

// ---------------------------------------------------------------------------------------------------------------
// sync

function linkStyleOf(value: string | undefined): SyncSettings["linkStyle"] {
	if (value === undefined) return LINK_STYLES[0];
	const style = LINK_STYLES.find((candidate) => candidate === value);
	if (style === undefined) throw new UsageError(`option --link-style must be ${LINK_STYLES.join(" or ")}, not "${value}"`);
	return style;
}

/** Long runs show `done/total` on a terminal's stderr, rewriting one line; returns how to clear it afterwards. */
function progressReporter(io: CliIo): { onProgress?: (done: number, total: number) => void; clear: () => void } {
	if (io.stderrIsTTY !== true) return { clear: () => undefined };
	const MIN_STEPS = 10;
	let shown = false;
	return {
		onProgress: (done, total) => {
			if (total < MIN_STEPS) return;
			shown = true;
			io.stderr(`\r${PROGRAM}: syncing ${done}/${total}`);
		},
		clear: () => {
			if (shown) io.stderr("\r\u001B[K");
		},
	};
}

/** How many new papers no source knew, and why. */
function missesOf(details: LookupWithCache): { found: number; missing: number; reasons: Record<string, number>; cacheNotSaved?: string } {
	const missing = details.papers.filter((paper) => !paper.found).length;
	const misses = { found: details.papers.length - missing, missing, reasons: Object.fromEntries(reasonsWithoutDetails(details)) };
	return details.cacheNotSaved === undefined ? misses : { ...misses, cacheNotSaved: details.cacheNotSaved };
}

async function runSync(args: CommandArgs, io: CliIo): Promise<number> {
	const [vaultDir = ""] = args.positionals;
	const cataloguePath = tidyVaultPath(args.string("catalogue") ?? "");
	const folder = tidyVaultPath(args.string("folder") ?? DEFAULT_SETTINGS.notesFolder);
	const settings: SyncSettings = {
		// The settings spell the vault root as an empty folder; an empty option value would read as a missing one.
		notesFolder: folder === "/" ? "" : folder,
		fileNameFormat: args.string("file-name") ?? DEFAULT_SETTINGS.fileNameFormat,
		dateFormat: args.string("date-format") ?? DEFAULT_SETTINGS.dateFormat,
		linkStyle: linkStyleOf(args.string("link-style")),
	};
	const request: SyncRequest = { cataloguePath, settings, templatePath: tidyVaultPath(args.string("template") ?? ""), today: new Date() };
	const json = args.flag("json");

	// Checks the vault folder and the catalogue first, with the messages `progress` gives for them.
	await readVaultText(vaultDir, cataloguePath);
	const vault = new FileSystemVault(vaultDir);
	const notesFolder = normalizeVaultPath(settings.notesFolder);
	try {
		if (args.flag("dry-run")) {
			const plan = await planSync(vault, request);
			io.stdout(json ? `${JSON.stringify(dryRunJson(plan), null, 2)}\n` : formatPlan(plan, notesFolder));
			return EXIT_OK;
		}
		const parser = new CatalogueParser();
		let plan: SyncPlan;
		let details: LookupWithCache | null = null;
		if (args.flag("details")) {
			const lookup = cliDetailsSetup(io, vaultDir, false);
			({ plan, details } = await planSyncWithDetails(vault, { ...request, parser }, lookup.setup).finally(lookup.clear));
		} else {
			plan = await planSync(vault, { ...request, parser });
		}
		const progress = progressReporter(io);
		const report = await applyPlan(plan, vault, { parser, ...(progress.onProgress ? { onProgress: progress.onProgress } : {}) }).finally(progress.clear);
		const misses = details ? missesOf(details) : null;
		if (json) io.stdout(`${JSON.stringify(misses ? { ...syncJson(report), details: misses } : syncJson(report), null, 2)}\n`);
		else io.stdout(formatReport(report, notesFolder) + (misses && misses.missing > 0 ? `${misses.missing} papers had no details (${Object.entries(misses.reasons).map(([reason, count]) => `${reason}: ${count}`).join(", ")}); their notes were made without them.\n` : "") + (misses?.cacheNotSaved !== undefined ? `The look-up cache could not be saved (${misses.cacheNotSaved}); the next run asks again.\n` : ""));
		return report.errors.length > 0 ? EXIT_PARTIAL : EXIT_OK;
	} catch (error) {
		// An unusable template, file name format, date format or notes folder: found while planning, before any write.
		if (error instanceof PlanError || error instanceof TemplateError) throw new UsageError(error.message);
		throw error;
	}
}

// ---------------------------------------------------------------------------------------------------------------
// Entry

function oneLine(text: string): string {
	return text.replace(/\s*[\r\n]+\s*/g, " ").trim();
}

/**
 * Text with its control characters (other than tab and newline) written as `\u001b` escapes.
 * Titles, headings, URLs and template text come from notes, and a note may hold escape sequences
 * (`ESC]0;…` retitles the terminal, `ESC[2J` clears it): printed raw, a catalogue could drive the
 * user's terminal. In JSON output the escapes are JSON's own, so the data reads back unchanged.
 */
export function printable(text: string): string {
	// eslint-disable-next-line no-control-regex -- control characters are exactly what we escape here
	return text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function fail(io: CliIo, message: string, code: number): number {
	io.stderr(`${PROGRAM}: ${printable(oneLine(message))}\n`);
	return code;
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
	const [first, ...rest] = argv;
	if (first === undefined) throw new UsageError(`missing command (see ${PROGRAM} --help)`);
	if (first === "--help" || first === "-h") {
		io.stdout(generalHelp());
		return EXIT_OK;
	}
	if (first === "help") {
		const [topic, ...extra] = rest;
		if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}" (usage: ${PROGRAM} help [command])`);
		if (topic === undefined) {
			io.stdout(generalHelp());
			return EXIT_OK;
		}
		const command = commandNamed(topic);
		if (command === undefined) throw new UsageError(`unknown command "${topic}" (see ${PROGRAM} --help)`);
		io.stdout(commandHelp(topic, command));
		return EXIT_OK;
	}
	if (first.startsWith("-")) throw new UsageError(`unknown option ${first} (see ${PROGRAM} --help)`);
	const command = commandNamed(first);
	if (command === undefined) throw new UsageError(`unknown command "${first}" (see ${PROGRAM} --help)`);
	const args = parseCommandArgs(first, command, rest);
	if (args === "help") {
		io.stdout(commandHelp(first, command));
		return EXIT_OK;
	}
	return command.run(args, io);
}

/** Runs the command line `argv` (without the node and script paths) and returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
	// Everything on stdout may quote a note (see `printable`); stderr only carries our own progress line and `fail`.
	const safeIo: CliIo = { ...io, stdout: (text) => io.stdout(printable(text)) };
	try {
		return await dispatch(argv, safeIo);
	} catch (error) {
		if (error instanceof UsageError || error instanceof VaultError) return fail(io, error.message, EXIT_USAGE);
		const message = error instanceof Error ? error.message : String(error);
		return fail(io, `internal error: ${message || "unknown"}`, EXIT_INTERNAL);
	}
}
