/**
 * `details` and `bib`: the plugin's "Look up details for this catalogue" and "Export BibTeX for this catalogue"
 * on a vault folder, through the same core (src/details/details-run.ts), with Node's HTTP client for the network and the
 * plugin's cache file when the vault has the plugin.
 */
import { type CatalogueNote, catalogueNotes, bibtexPathFor, catalogueBibtex, type DetailsSetup, fillNotesWithDetails, writeCatalogueBibtex } from "../details/details-run";
import { cacheSentence, missesSentence } from "../details/lookup-summary";
import { vaultDetailsCache } from "../node/details-cache-file";
import { FileSystemVault } from "../node/fs-note-vault";
import { readVaultText } from "../node/fs-vault";
import { TemplateError } from "../notes/template";
import { parentFolder, tidyVaultPath } from "../notes/vault-path";
import { DEFAULT_SETTINGS } from "../settings";
import { PlanError } from "../sync/plan";
import type { SyncRequest } from "../sync/sync";
import { CATALOGUE_OPTION, type CliIo, type CommandArgs, type CommandSpec, EXIT_OK, EXIT_PARTIAL, type OptionSpec, PROGRAM, UsageError, VAULT_DIR } from "./command-spec";

const FOLDER_OPTION: OptionSpec = {
	type: "string",
	valueName: "path",
	description: `the folder inside the vault the paper notes are in, "/" for the vault root (default "${DEFAULT_SETTINGS.notesFolder}")`,
};

/** The request that finds the catalogue's notes as `sync` would: nothing is written. */
function requestOf(args: CommandArgs): SyncRequest {
	const folder = tidyVaultPath(args.string("folder") ?? DEFAULT_SETTINGS.notesFolder);
	return {
		cataloguePath: tidyVaultPath(args.string("catalogue") ?? ""),
		settings: { notesFolder: folder === "/" ? "" : folder, fileNameFormat: DEFAULT_SETTINGS.fileNameFormat, dateFormat: DEFAULT_SETTINGS.dateFormat, linkStyle: "wikilink" },
		templatePath: "",
		today: new Date(),
	};
}

async function notesOf(vaultDir: string, request: SyncRequest): Promise<CatalogueNote[]> {
	// Checks the vault folder and the catalogue first, with the messages the other commands give.
	await readVaultText(vaultDir, request.cataloguePath);
	try {
		return (await catalogueNotes(new FileSystemVault(vaultDir), request)).notes;
	} catch (error) {
		if (error instanceof PlanError || error instanceof TemplateError) throw new UsageError(error.message);
		throw error;
	}
}

/** The look-up's setup on the command line; progress on a terminal's stderr. */
export function cliDetailsSetup(io: CliIo, vaultDir: string, refresh: boolean): { setup: DetailsSetup; clear: () => void } {
	if (!io.network) throw new Error("no network was given to the command line");
	const setup: DetailsSetup = { transport: io.network.transport, clock: io.network.clock, cache: vaultDetailsCache(vaultDir) };
	if (refresh) setup.refresh = true;
	const apiKey = process.env.SEMANTIC_SCHOLAR_API_KEY?.trim();
	if (apiKey) setup.apiKey = apiKey;
	let shown = false;
	if (io.stderrIsTTY === true) {
		setup.onProgress = (done, total) => {
			shown = true;
			io.stderr(`\r${PROGRAM}: looking up ${done}/${total}`);
		};
	}
	return {
		setup,
		clear: () => {
			if (shown) io.stderr("\r\u001B[K");
		},
	};
}

async function runDetails(args: CommandArgs, io: CliIo): Promise<number> {
	const [vaultDir = ""] = args.positionals;
	const notes = await notesOf(vaultDir, requestOf(args));
	const vault = new FileSystemVault(vaultDir);
	const { setup, clear } = cliDetailsSetup(io, vaultDir, args.flag("refresh"));
	const report = await fillNotesWithDetails(notes, vault, vault, setup).finally(clear);
	const missing = report.lookup.papers.filter((paper) => !paper.found).map((paper) => ({ title: paper.title, note: paper.key, reasons: [...new Set(paper.misses.map((miss) => miss.reason))] }));
	if (args.flag("json")) {
		io.stdout(`${JSON.stringify({ notes: notes.length, filled: report.filled, unchanged: report.unchanged, missing, failed: report.failed, requests: report.lookup.requests, ...(report.lookup.cacheNotSaved !== undefined ? { cacheNotSaved: report.lookup.cacheNotSaved } : {}) }, null, 2)}\n`);
	} else {
		const lines = [`${report.filled.length} of ${notes.length} notes gained details, ${report.unchanged} had nothing new.`];
		for (const { path, names } of report.filled) lines.push(`  filled ${path}: ${names.join(", ")}`);
		const misses = missesSentence(report.lookup);
		if (misses !== null) lines.push(misses);
		for (const paper of missing) lines.push(`  no details: ${paper.title} (${paper.reasons.join(", ") || "no source knows it"})`);
		for (const failure of report.failed) lines.push(`  failed ${failure.path}: ${failure.message}`);
		const cache = cacheSentence(report.lookup);
		if (cache !== null) lines.push(cache);
		io.stdout(`${lines.join("\n")}\n`);
	}
	return report.failed.length > 0 ? EXIT_PARTIAL : EXIT_OK;
}

async function runBib(args: CommandArgs, io: CliIo): Promise<number> {
	const [vaultDir = ""] = args.positionals;
	const request = requestOf(args);
	const notes = await notesOf(vaultDir, request);
	const vault = new FileSystemVault(vaultDir);
	const out = args.string("out");
	const bibPath = out === undefined ? bibtexPathFor(request.cataloguePath) : tidyVaultPath(out);
	if (!/\.bib$/i.test(bibPath)) throw new UsageError(`option --out must name a .bib file, not "${out ?? ""}"`);
	if (/^(?:[/\\]|[A-Za-z]:)/.test(bibPath)) throw new UsageError(`option --out must be a path inside the vault, not the absolute path "${bibPath}"`);
	const folder = parentFolder(bibPath);
	if (folder !== "" && (await vault.kind(folder)) !== "folder") throw new UsageError(`the folder "${folder}" for --out does not exist in the vault`);
	if ((await vault.kind(bibPath)) === "folder") throw new UsageError(`"${bibPath}" is a folder, not a file`);
	const bib = await catalogueBibtex(notes, bibPath, vault, vault);
	if (bib.existing === "theirs" && !args.flag("force")) {
		throw new UsageError(`${bib.path} was not written by ${PROGRAM}; nothing was written (--force replaces it)`);
	}
	await writeCatalogueBibtex(bib, vault);
	const skipped = bib.skipped.length > 0 ? ` (${bib.skipped.length} notes left out: their properties are not valid YAML)` : "";
	io.stdout(`Wrote ${bib.entries} ${bib.entries === 1 ? "entry" : "entries"} to ${bib.path}${skipped}.\n`);
	return bib.skipped.length > 0 ? EXIT_PARTIAL : EXIT_OK;
}

export const detailsCommand: CommandSpec = {
	summary: "Look up details (authors, date, venue, DOI, arXiv id, PDF) for a catalogue's paper notes online, filling only properties that are missing or empty.",
	positionals: [VAULT_DIR],
	options: {
		catalogue: CATALOGUE_OPTION,
		folder: FOLDER_OPTION,
		refresh: { type: "boolean", description: "ask every source again, whatever the cache holds" },
		json: { type: "boolean", description: "print the result as JSON" },
	},
	run: runDetails,
};

export const bibCommand: CommandSpec = {
	summary: "Write a BibTeX file of a catalogue's papers from their notes' properties, beside the catalogue.",
	positionals: [VAULT_DIR],
	options: {
		catalogue: CATALOGUE_OPTION,
		folder: FOLDER_OPTION,
		out: { type: "string", valueName: "path", description: "the .bib file's path inside the vault (default: beside the catalogue, with its name)" },
		force: { type: "boolean", description: `replace a file of that name that ${PROGRAM} did not write` },
	},
	run: runBib,
};
