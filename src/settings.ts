/**
 * The plugin's settings: their defaults, and reading them back from whatever
 * `data.json` holds (missing keys take defaults; wrong types and values the
 * settings tab would refuse — a date format date-fns rejects, a notes folder
 * outside the vault, an unknown placeholder — are reset and reported).
 */
import { dateFormatProblem, templateProblems } from "./notes/template";
import { folderProblem, normalizeVaultPath } from "./notes/vault-path";

/** How inserted links are written: as the vault's "Use [[Wikilinks]]" option says, or always one way. */
export type LinkStyle = "vault" | "wikilink" | "markdown";

export interface PaperCatalogueSettings {
	/** Vault paths of the catalogue notes being tracked. */
	catalogues: string[];
	notesFolder: string;
	/** Vault path of a template note; empty for the built-in review template. */
	templatePath: string;
	fileNameFormat: string;
	/** date-fns format tokens. */
	dateFormat: string;
	linkStyle: LinkStyle;
	/** Keep catalogue checkboxes and paper notes' `status` in step. */
	syncStatus: boolean;
	/** Ask arXiv, Semantic Scholar and doi.org for paper details when notes are created. Off until the user turns it on. */
	lookUpDetails: boolean;
	/** Sent to Semantic Scholar as `x-api-key` when set: a pool of its own instead of the shared, busy one. */
	semanticScholarApiKey: string;
	/** After "Create paper notes", write the catalogue's base (where the app has Bases) if it has none. */
	createBase: boolean;
}

export const DEFAULT_SETTINGS: Readonly<PaperCatalogueSettings> = Object.freeze({
	catalogues: [],
	notesFolder: "Papers",
	templatePath: "",
	fileNameFormat: "{{title}}",
	dateFormat: "yyyy-MM-dd",
	linkStyle: "vault",
	syncStatus: true,
	lookUpDetails: false,
	semanticScholarApiKey: "",
	createBase: true,
});

export interface LoadedSettings {
	settings: PaperCatalogueSettings;
	/** Keys that held a value of the wrong type and were reset to their default. */
	problems: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Settings from saved data of any shape: never throws. */
export function settingsFromData(data: unknown): LoadedSettings {
	const settings: PaperCatalogueSettings = { ...DEFAULT_SETTINGS, catalogues: [] };
	const problems: string[] = [];
	if (data === null || data === undefined) return { settings, problems };
	if (!isRecord(data)) return { settings, problems: ["the saved settings are not an object"] };

	const text = (key: "notesFolder" | "templatePath" | "fileNameFormat" | "dateFormat"): void => {
		const value = data[key];
		if (value === undefined) return;
		if (typeof value === "string") settings[key] = value;
		else problems.push(key);
	};
	text("notesFolder");
	text("templatePath");
	text("fileNameFormat");
	text("dateFormat");
	if (settings.fileNameFormat.trim() === "") settings.fileNameFormat = DEFAULT_SETTINGS.fileNameFormat;
	if (settings.dateFormat.trim() === "") settings.dateFormat = DEFAULT_SETTINGS.dateFormat;
	// Values the settings tab would not have saved (another device's plugin version, a hand edit): each would make
	// every tick or run fail later, so they are reset now, and said.
	const invalid = (key: keyof PaperCatalogueSettings, bad: boolean): void => {
		if (!bad) return;
		(settings as unknown as Record<string, unknown>)[key] = DEFAULT_SETTINGS[key];
		problems.push(key);
	};
	// Paths as Obsidian spells them (`Papers/` is `Papers`), so that renames and lookups match them.
	const vaultPath = (path: string): string => {
		const normalized = normalizeVaultPath(path.trim());
		return normalized === "/" ? "" : normalized;
	};
	settings.notesFolder = vaultPath(settings.notesFolder);
	settings.templatePath = vaultPath(settings.templatePath);
	invalid("dateFormat", dateFormatProblem(settings.dateFormat) !== null);
	invalid("notesFolder", settings.notesFolder !== "" && folderProblem(settings.notesFolder) !== null);
	invalid("templatePath", settings.templatePath !== "" && folderProblem(settings.templatePath) !== null);
	invalid("fileNameFormat", templateProblems(settings.fileNameFormat, settings.dateFormat).length > 0);

	if (data.catalogues !== undefined) {
		if (Array.isArray(data.catalogues) && data.catalogues.every((path) => typeof path === "string")) {
			settings.catalogues = [...new Set(data.catalogues.filter((path) => path.trim() !== "").map((path) => normalizeVaultPath(path.trim())))];
		} else {
			problems.push("catalogues");
		}
	}
	if (data.linkStyle !== undefined) {
		if (data.linkStyle === "vault" || data.linkStyle === "wikilink" || data.linkStyle === "markdown") settings.linkStyle = data.linkStyle;
		else problems.push("linkStyle");
	}
	if (data.syncStatus !== undefined) {
		if (typeof data.syncStatus === "boolean") settings.syncStatus = data.syncStatus;
		else problems.push("syncStatus");
	}
	if (data.lookUpDetails !== undefined) {
		if (typeof data.lookUpDetails === "boolean") settings.lookUpDetails = data.lookUpDetails;
		else problems.push("lookUpDetails");
	}
	if (data.semanticScholarApiKey !== undefined) {
		// A key is printable ASCII without spaces; anything else would only make every request fail.
		if (typeof data.semanticScholarApiKey === "string" && /^[\x21-\x7e]*$/.test(data.semanticScholarApiKey.trim())) settings.semanticScholarApiKey = data.semanticScholarApiKey.trim();
		else problems.push("semanticScholarApiKey");
	}
	if (data.createBase !== undefined) {
		if (typeof data.createBase === "boolean") settings.createBase = data.createBase;
		else problems.push("createBase");
	}
	return { settings, problems };
}
