/**
 * The commands that make something from a catalogue besides its paper notes: its base, a section's discussion
 * note, the reading report. Registered with the others by `registerCommands`.
 */
import { registerBaseCommand } from "./base-command";
import { registerDiscussionCommand } from "./discussion-command";
import type { PluginHost } from "./host";
import { registerReportCommands } from "./report-command";

export function registerOutputCommands(host: PluginHost): void {
	registerBaseCommand(host);
	registerDiscussionCommand(host);
	registerReportCommands(host);
}
