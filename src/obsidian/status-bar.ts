/**
 * "14/60 read" in the status bar (desktop; Obsidian has no status bar on mobile) for the active catalogue, or the
 * first tracked one, or — with nothing tracked yet — the active note when it lists papers. A click opens the
 * progress view (which offers to track such a note).
 */
import type { Plugin } from "obsidian";
import { completionOf } from "../progress/completion";
import { inBackground } from "./failures";
import { catalogueToShow, isTracked, type PluginHost } from "./host";

export function registerStatusBar(host: PluginHost, plugin: Plugin): void {
	const el = plugin.addStatusBarItem();
	el.addClass("paper-catalogue-status", "mod-clickable");

	const render = (): void => {
		const path = catalogueToShow(host);
		const catalogue = path ? host.index.get(path) : null;
		if (!path || !catalogue || catalogue.papers.length === 0) {
			el.hide();
			return;
		}
		const { done, total } = completionOf(catalogue.papers, host.notes.isDoneIn(path));
		el.setText(`${done}/${total} read`);
		el.setAttr("aria-label", isTracked(host, path) ? "Open reading progress" : "Open reading progress: this note is not tracked yet");
		el.show();
	};

	// Counting is linear in the catalogue: bursts of events (a run writing notes, a key held down) count once a frame.
	let scheduled = false;
	const schedule = (): void => {
		if (scheduled) return;
		scheduled = true;
		el.win.requestAnimationFrame(() => {
			scheduled = false;
			render();
		});
	};

	plugin.registerDomEvent(el, "click", () => inBackground("Could not open the reading progress", host.activateView()));
	host.registerEvent(host.index.onChanged(schedule));
	host.registerEvent(host.index.onRemoved(schedule));
	host.registerEvent(host.index.onTrackedChanged(schedule));
	host.registerEvent(host.app.workspace.on("active-leaf-change", schedule));
	// A note's status is the state of an item without a checkbox.
	host.registerEvent(host.app.metadataCache.on("changed", schedule));
	render();
}
