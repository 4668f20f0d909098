/**
 * The menu of a section in the progress view: what can be made from the section (its discussion note).
 */
import { Menu } from "obsidian";
import type { Catalogue } from "../../catalogue/model";
import { PREPARE_DISCUSSION_COMMAND } from "../../reports/discussion";
import { prepareDiscussion } from "../discussion-command";
import type { PluginHost } from "../host";

/** The section's index from its view key (`title#n`: the n-th section of that title). */
function sectionIndexOf(catalogue: Catalogue, key: string): number | null {
	const cut = key.lastIndexOf("#");
	const title = key.slice(0, cut);
	const nth = Number(key.slice(cut + 1));
	let seen = 0;
	for (const [index, section] of catalogue.sections.entries()) {
		if (section.title === title && ++seen === nth) return index;
	}
	return null;
}

export function showSectionMenu(host: PluginHost, cataloguePath: string, catalogue: Catalogue, key: string, event: MouseEvent): void {
	const index = sectionIndexOf(catalogue, key);
	if (index === null) return;
	const menu = new Menu();
	menu.addItem((item) =>
		item
			.setTitle(PREPARE_DISCUSSION_COMMAND)
			.setIcon("messages-square")
			.onClick(() => prepareDiscussion(host, cataloguePath, (current) => sectionIndexOf(current, key))),
	);
	// From the keyboard (the context menu key) the event has no position: the menu opens under the section's head.
	const target = event.currentTarget instanceof HTMLElement ? event.currentTarget : null;
	if (event.clientX === 0 && event.clientY === 0 && target) {
		const box = target.getBoundingClientRect();
		menu.showAtPosition({ x: box.left, y: box.bottom });
	} else {
		menu.showAtMouseEvent(event);
	}
}
