/**
 * The settings tab's part about what the plugin makes from a catalogue besides the paper notes: its base.
 */
import { Setting } from "obsidian";
import { BASES_MIN_VERSION } from "../bases/features";
import { appBasesFeatures } from "./base-command";
import type { PluginHost } from "./host";

export function displayOutputSettings(containerEl: HTMLElement, host: PluginHost, save: () => void): void {
	new Setting(containerEl).setName("Outputs").setHeading();
	const bases = appBasesFeatures().bases;
	new Setting(containerEl)
		.setName("Create a base with the notes")
		.setDesc(
			bases
				? "After creating the paper notes, write a base beside the catalogue (a table of its papers by section), unless it has one. It is written once: your changes to it stay."
				: `Needs Obsidian ${BASES_MIN_VERSION} or later, which has Bases; this app has not, so no base is written.`,
		)
		.addToggle((toggle) =>
			toggle.setValue(host.settings.createBase).onChange((value) => {
				host.settings.createBase = value;
				save();
			}),
		);
}
