/**
 * "Create paper notes from this catalogue": plan, ask, apply, report, and track the catalogue so that its ticks
 * and its notes stay in step from then on. The same plan/apply code the CLI runs, over Obsidian's vault.
 */
import { type App, Notice } from "obsidian";
import { PlanError, type SyncPlan, type SyncSettings } from "../sync/plan";
import { type ApplyOptions, applyPlan, type SyncReport } from "../sync/apply";
import { planSync, type SyncRequest } from "../sync/sync";
import { withinConfirmed } from "../sync/confirmed-plan";
import { TemplateError } from "../notes/template";
import { lookUpDetailsForPlan } from "../details/details-run";
import type { LookupWithCache } from "../details/details-run";
import { cacheSentence, missesSentence } from "../details/lookup-summary";
import { detailsSetupFor, LookupProgress } from "./details-runner";
import type { PaperCatalogueSettings } from "../settings";
import { createBaseWithNotes } from "./base-command";
import { inBackground } from "./failures";
import { type PluginHost, trackCatalogue } from "./host";
import { ObsidianVault } from "./obsidian-vault";
import { SyncPlanModal } from "./sync-modal";
import { yieldToUi } from "./yield-to-ui";
import { displayName } from "./output-target";

/** Writes between two pauses: enough to be quick, few enough that the UI never stalls. */
const WRITES_PER_PAUSE = 10;

/** How inserted links are written: the vault's own "Use [[Wikilinks]]" choice unless the settings say otherwise. */
export function linkStyleFor(app: App, settings: PaperCatalogueSettings, cataloguePath: string): SyncSettings["linkStyle"] {
	if (settings.linkStyle !== "vault") return settings.linkStyle;
	// generateMarkdownLink follows the user's link preference; asking it about any file tells us which one it is.
	const file = app.vault.getFileByPath(cataloguePath);
	if (!file) return "wikilink";
	return app.fileManager.generateMarkdownLink(file, cataloguePath).startsWith("[[") ? "wikilink" : "markdown";
}

export function syncSettingsFor(app: App, settings: PaperCatalogueSettings, cataloguePath: string): SyncSettings {
	return {
		notesFolder: settings.notesFolder,
		fileNameFormat: settings.fileNameFormat,
		dateFormat: settings.dateFormat,
		linkStyle: linkStyleFor(app, settings, cataloguePath),
	};
}

/**
 * The sync request for a catalogue, from the plugin's settings. It plans with the catalogue's own warm parser (the
 * index's), so the text the links make is parsed once, here, and the index finds it parsed when the editor shows it;
 * parsing and planning yield to the UI.
 */
export function syncRequestFor(host: PluginHost, cataloguePath: string): SyncRequest {
	return {
		cataloguePath,
		settings: syncSettingsFor(host.app, host.settings, cataloguePath),
		templatePath: host.settings.templatePath,
		today: new Date(),
		parser: host.index.parserFor(cataloguePath),
		pause: yieldToUi,
	};
}

/** How the plugin applies a plan: with the catalogue's warm parser, yielding while it re-reads an edited catalogue. */
export function applyOptionsFor(host: PluginHost, cataloguePath: string): ApplyOptions {
	return { parser: host.index.parserFor(cataloguePath), parsePause: yieldToUi };
}

function summary(report: SyncReport): string {
	const parts = [`Created ${report.created.length} ${report.created.length === 1 ? "note" : "notes"}`, `linked ${report.linked} ${report.linked === 1 ? "item" : "items"}`];
	if (report.conflicts.length > 0) parts.push(`${report.conflicts.length} left alone`);
	if (report.errors.length > 0) parts.push(`${report.errors.length} failed`);
	return `${parts.join(", ")}.`;
}

function reportNotice(host: PluginHost, report: SyncReport, cataloguePath: string, nowTracked: boolean, details: LookupWithCache | null): void {
	const name = displayName(cataloguePath);
	const misses = details ? missesSentence(details) : null;
	const fragment = createFragment((root) => {
		root.createDiv({ text: summary(report) });
		if (misses !== null) root.createDiv({ text: `${misses} Their notes were made without them.` });
		const cache = details ? cacheSentence(details) : null;
		if (cache !== null) root.createDiv({ text: cache, cls: "paper-catalogue-warning" });
		if (nowTracked) root.createDiv({ text: `Now tracking ${name}: ticking an item marks its note as read, and the progress view follows it.` });
		for (const error of report.errors.slice(0, 5)) root.createDiv({ text: `${error.title || error.path}: ${error.message}`, cls: "paper-catalogue-warning" });
		const open = root.createEl("button", { text: "Open reading progress", cls: "paper-catalogue-notice-button" });
		open.addEventListener("click", () => inBackground("Could not open the reading progress", host.activateView()));
	});
	new Notice(fragment, report.errors.length > 0 ? 0 : 8000);
}

/** Plans a sync and shows the plan; resolves with the plan and whether the user chose Create, or null when it cannot be planned. */
export async function planAndConfirm(host: PluginHost, cataloguePath: string): Promise<{ plan: SyncPlan; create: boolean } | null> {
	const vault = new ObsidianVault(host.app);
	try {
		const plan = await planSync(vault, syncRequestFor(host, cataloguePath));
		const create = await new SyncPlanModal(host.app, plan, host.settings.notesFolder).choose();
		return { plan, create };
	} catch (error) {
		if (error instanceof PlanError || error instanceof TemplateError) {
			new Notice(error.message, 0);
			return null;
		}
		throw error;
	}
}

/** Applies a plan with a progress notice, pausing between writes so the app stays responsive. */
export async function applyWithProgress(host: PluginHost, plan: SyncPlan): Promise<SyncReport> {
	const progress = plan.create.length > WRITES_PER_PAUSE ? new Notice("Creating paper notes…", 0) : null;
	let writes = 0;
	try {
		return await applyPlan(plan, new ObsidianVault(host.app), {
			...applyOptionsFor(host, plan.cataloguePath),
			onProgress: (done, total) => progress?.setMessage(`Creating paper notes… ${done}/${total}`),
			pause: async () => {
				writes += 1;
				if (writes % WRITES_PER_PAUSE === 0) await yieldToUi();
			},
		});
	} finally {
		progress?.hide();
	}
}

/**
 * Looks up the details of the papers the plan makes notes for, then plans again with them, for the catalogue as it
 * is after the look-up (which can take minutes). Null when the catalogue cannot be planned any more.
 */
async function planWithDetails(host: PluginHost, plan: SyncPlan): Promise<{ plan: SyncPlan; details: LookupWithCache | null } | null> {
	const vault = new ObsidianVault(host.app);
	const progress = new LookupProgress("Looking up paper details");
	let found;
	try {
		found = await lookUpDetailsForPlan(plan, vault, detailsSetupFor(host, progress));
	} finally {
		progress.hide();
	}
	if (!found) return { plan, details: null };
	try {
		const next = await planSync(vault, { ...syncRequestFor(host, plan.cataloguePath), details: found.details });
		return { plan: withinConfirmed(next, plan), details: found.report };
	} catch (error) {
		if (error instanceof PlanError || error instanceof TemplateError) {
			new Notice(error.message, 0);
			return null;
		}
		throw error;
	}
}

/**
 * The whole command: plan, ask, apply, then track the catalogue (a catalogue one made notes for is one to follow),
 * and report. Refused with a notice while another run is writing.
 */
export async function createPaperNotes(host: PluginHost, cataloguePath: string): Promise<SyncReport | null> {
	return host.runs.exclusive("Creating paper notes", async () => {
		const planned = await planAndConfirm(host, cataloguePath);
		if (!planned) return null;
		const { plan, create } = planned;
		if (!create) {
			// Every paper has its note already (made on another device, or by the command line): nothing to create,
			// but the catalogue is one to follow all the same.
			if (plan.create.length === 0 && plan.link.length === 0 && (await trackCatalogue(host, cataloguePath))) {
				new Notice(`Every paper in ${displayName(cataloguePath)} already has its note. Now tracking ${displayName(cataloguePath)}: ticking an item marks its note as read.`);
			}
			return null;
		}
		const withDetails = host.settings.lookUpDetails ? await planWithDetails(host, plan) : { plan, details: null };
		if (!withDetails) return null;
		const report = await applyWithProgress(host, withDetails.plan);
		const nowTracked = await trackCatalogue(host, cataloguePath);
		reportNotice(host, report, cataloguePath, nowTracked, withDetails.details);
		if (report.errors.length === 0) await createBaseWithNotes(host, cataloguePath);
		return report;
	});
}
