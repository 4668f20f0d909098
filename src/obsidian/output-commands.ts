/**
 * The commands that make something from a catalogue besides its paper notes: its base, a section's discussion
 * note, the reading report. Registered with the others by `registerCommands`.
 */
import { CREATE_BASE_COMMAND_ID, registerBaseCommand } from "./base-command";
import { PREPARE_DISCUSSION_COMMAND_ID, registerDiscussionCommand } from "./discussion-command";
import type { PluginHost } from "./host";
import { EXPORT_REPORT_COMMAND_ID, EXPORT_REPORT_CSV_COMMAND_ID, registerReportCommands } from "./report-command";

export const OUTPUT_COMMAND_IDS = {
	createBase: CREATE_BASE_COMMAND_ID,
	prepareDiscussion: PREPARE_DISCUSSION_COMMAND_ID,
	exportReport: EXPORT_REPORT_COMMAND_ID,
	exportReportCsv: EXPORT_REPORT_CSV_COMMAND_ID,
} as const;

export function registerOutputCommands(host: PluginHost): void {
	registerBaseCommand(host);
	registerDiscussionCommand(host);
	registerReportCommands(host);
}
