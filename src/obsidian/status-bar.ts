/**
 * "14/60 read" in the status bar (desktop; Obsidian has no status bar on
 * mobile) for the active catalogue, or the first tracked one. A click opens
 * the progress view.
 */
import type { Plugin } from "obsidian";
import { completionOf } from "../progress/completion";
import { currentCatalogue, type PluginHost } from "./host";

export function registerStatusBar(host: PluginHost, plugin: Plugin): void {
	const el = plugin.addStatusBarItem();
	el.addClass("paper-catalogue-status", "mod-clickable");
	el.setAttr("aria-label", "Open reading progress");

	const render = (): void => {
		const path = currentCatalogue(host);
		const catalogue = path ? host.index.get(path) : null;
		if (!catalogue || catalogue.papers.length === 0) {
			el.hide();
			return;
		}
		const { done, total } = completionOf(catalogue.papers);
		el.setText(`${done}/${total} read`);
		el.show();
	};

	plugin.registerDomEvent(el, "click", () => void host.activateView());
	host.registerEvent(host.index.onChanged(() => render()));
	host.registerEvent(host.index.onTrackedChanged(() => render()));
	host.registerEvent(host.app.workspace.on("active-leaf-change", () => render()));
	render();
}
