/**
 * Looking up paper details in the plugin: a progress notice with a Cancel button (what was fetched is kept), the
 * plugin's cache file and network.
 */
import { Notice } from "obsidian";
import type { DetailsSetup } from "../details/details-run";
import { detailsCacheFile } from "./details-cache-file";
import type { PluginHost } from "./host";
import { yieldToUi } from "./yield-to-ui";

/** A look-up in progress, as the user sees it: counts, and Cancel. */
export class LookupProgress {
	private cancelled = false;
	private readonly notice: Notice;
	private readonly message: HTMLElement;

	constructor(private readonly what: string) {
		const fragment = createFragment();
		this.message = fragment.createDiv({ text: `${what}…` });
		const cancel = fragment.createEl("button", { text: "Cancel", cls: "paper-catalogue-notice-button" });
		cancel.addEventListener("click", (event) => {
			// A click on a notice also hides it; the run goes on to write what it has.
			event.stopPropagation();
			this.cancelled = true;
			cancel.disabled = true;
			this.message.setText(`${this.what}: cancelling, keeping what was found…`);
		});
		this.notice = new Notice(fragment, 0);
	}

	get isCancelled(): boolean {
		return this.cancelled;
	}

	show(done: number, total: number): void {
		if (!this.cancelled) this.message.setText(`${this.what}: ${done} of ${total} papers`);
	}

	hide(): void {
		this.notice.hide();
	}
}

/** The look-up's setup in the plugin: its cache file, its network, the API key, pauses for the UI. */
export function detailsSetupFor(host: PluginHost, progress: LookupProgress | null, options: { refresh?: boolean } = {}): DetailsSetup {
	const setup: DetailsSetup = {
		transport: host.network.transport,
		clock: host.network.clock,
		cache: detailsCacheFile(host.app, host.pluginDir),
		pause: yieldToUi,
	};
	if (host.settings.semanticScholarApiKey !== "") setup.apiKey = host.settings.semanticScholarApiKey;
	if (options.refresh) setup.refresh = true;
	if (progress) {
		setup.onProgress = (done, total) => progress.show(done, total);
		setup.isCancelled = () => progress.isCancelled;
	}
	return setup;
}
