/**
 * One sync run, the same for the plugin and the CLI: read the catalogue and
 * the template, plan against a snapshot of the vault, then apply.
 */
import { CatalogueParser, SLICED_PARSE_CHARS } from "../catalogue/parse";
import { DEFAULT_TEMPLATE, type DetailValues } from "../notes/template";
import { normalizeVaultPath } from "../notes/vault-path";
import { type ApplyOptions, applyPlan, type SyncReport } from "./apply";
import { checkSyncSettings, gatherSnapshot, parseMaybeInSlices, plan, PlanError, type PlanInput, type SyncPlan, type SyncSettings } from "./plan";
import type { NoteVault } from "./vault";

export interface SyncRequest {
	cataloguePath: string;
	settings: SyncSettings;
	/** Vault path of a template note; empty for the built-in review template. */
	templatePath: string;
	today: Date;
	/** Reuses parses between runs (the plugin keeps one per catalogue). */
	parser?: CatalogueParser;
	/** Given, parsing and planning yield through it between slices (the plugin passes one; the CLI need not). */
	pause?: () => Promise<void>;
	/** Details looked up for papers, by paper id: new notes are written with them. */
	details?: ReadonlyMap<string, Partial<DetailValues>>;
}

/** Reads the template note, or the built-in one. A missing template is a PlanError: nothing gets written. */
export async function loadTemplate(vault: NoteVault, templatePath: string): Promise<string> {
	if (templatePath.trim() === "") return DEFAULT_TEMPLATE;
	const path = normalizeVaultPath(templatePath);
	const kind = await vault.kind(path);
	if (kind !== "file") throw new PlanError(`The template note "${templatePath}" ${kind === "folder" ? "is a folder" : "does not exist"}.`);
	return vault.read(path);
}

/** Plans a sync without writing anything. Throws PlanError (or TemplateError) for unusable settings. */
export async function planSync(vault: NoteVault, request: SyncRequest): Promise<SyncPlan> {
	const cataloguePath = normalizeVaultPath(request.cataloguePath);
	const template = await loadTemplate(vault, request.templatePath);
	checkSyncSettings(request.settings, template);
	const catalogueText = await vault.read(cataloguePath);
	const parser = request.parser ?? new CatalogueParser();
	// A short catalogue is parsed and planned within one frame: yielding would only slow it down.
	const pause = catalogueText.length >= SLICED_PARSE_CHARS ? request.pause : undefined;
	const catalogue = await parseMaybeInSlices(parser, catalogueText, pause);
	const snapshot = await gatherSnapshot(vault, catalogue, cataloguePath, request.settings);
	const input: PlanInput = { catalogue, cataloguePath, catalogueText, snapshot, settings: request.settings, template, today: request.today, parser };
	if (pause) input.pause = pause;
	if (request.details) input.details = request.details;
	return plan(input);
}

export async function sync(vault: NoteVault, request: SyncRequest, options: ApplyOptions = {}): Promise<SyncReport> {
	// One parser for the run: re-reading a catalogue edited meanwhile then parses only what the edit changed.
	const parser = request.parser ?? new CatalogueParser();
	return applyPlan(await planSync(vault, { ...request, parser }), vault, { parser, ...options });
}
