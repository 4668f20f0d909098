/**
 * `paper-catalogue report <vault-dir> --catalogue <path> [--format md|csv] [--out <path>]`: the reading report of
 * a catalogue (src/reports/), printed, or written to a file inside the vault. An existing file is replaced only when
 * it is an earlier report left exactly as it was written (see src/reports/report-file.ts); anything else is refused.
 */
import { parseCatalogue } from "../catalogue/parse";
import { FileSystemVault } from "../node/fs-note-vault";
import { readVaultText, resolveInVault } from "../node/fs-vault";
import { dateFormatProblem } from "../notes/template";
import { baseName, parentFolder, tidyVaultPath } from "../notes/vault-path";
import { readingReport } from "../reports/reading-report";
import { readingReportCsv } from "../reports/report-csv";
import { type ReportFormat, reportWrite, stampedReport } from "../reports/report-file";
import { readingReportMarkdown } from "../reports/report-markdown";
import { reportNotesOf } from "../reports/report-notes";
import { DEFAULT_SETTINGS } from "../settings";
import { CATALOGUE_OPTION, type CliIo, type CommandArgs, type CommandSpec, EXIT_OK, UsageError, VAULT_DIR } from "./command-spec";

const FORMATS = ["md", "csv"] as const satisfies readonly ReportFormat[];

function formatOf(value: string | undefined): ReportFormat {
	if (value === undefined) return FORMATS[0];
	const format = FORMATS.find((candidate) => candidate === value);
	if (format === undefined) throw new UsageError(`option --format must be ${FORMATS.join(" or ")}, not "${value}"`);
	return format;
}

/** Writes the report to `outPath` in the vault unless a file of the user's is there; says what it did. */
async function writeOut(vault: FileSystemVault, outPath: string, text: string, format: ReportFormat): Promise<string> {
	const kind = await vault.kind(outPath);
	if (kind === "folder") throw new UsageError(`--out ${outPath} is a folder; give a file's path, e.g. "${outPath}/Reading report.${format}"`);
	if (!outPath.toLowerCase().endsWith(`.${format}`)) throw new UsageError(`--out ${outPath} does not end in .${format}, the --format written`);
	const folder = parentFolder(outPath);
	if (folder !== "" && (await vault.kind(folder)) !== "folder") throw new UsageError(`--out ${outPath}: there is no folder ${folder} in the vault`);
	// Read as text, which drops a byte order mark: compared without one.
	const existing = kind === "file" ? await vault.read(outPath) : null;
	switch (reportWrite(existing, text.replace(/^\uFEFF/, ""), format)) {
		case "create":
			await vault.create(outPath, text);
			return `Wrote the reading report to ${outPath}.\n`;
		case "replace":
			// Decided again on the text as it is when written: an edit made meanwhile makes the file the user's.
			await vault.process(outPath, (now) => {
				if (reportWrite(now, text.replace(/^\uFEFF/, ""), format) === "keep") throw new UsageError(`${outPath} changed while the report was being written; it is left alone`);
				return text;
			});
			return `Replaced the earlier reading report in ${outPath}.\n`;
		case "unchanged":
			return `${outPath} already holds this reading report; nothing was written.\n`;
		case "keep":
			throw new UsageError(
				format === "md"
					? `${outPath} exists and is not an earlier report left as it was written (edited, or not a report); it is left alone: choose another --out`
					: `${outPath} exists; a CSV file is never replaced: choose another --out, or delete it first`,
			);
	}
}

async function runReport(args: CommandArgs, io: CliIo): Promise<number> {
	const [vaultDir = ""] = args.positionals;
	const cataloguePath = tidyVaultPath(args.string("catalogue") ?? "");
	const format = formatOf(args.string("format"));
	const dateFormat = args.string("date-format") ?? DEFAULT_SETTINGS.dateFormat;
	const problem = dateFormatProblem(dateFormat);
	if (problem) throw new UsageError(`option --date-format: ${problem}`);
	const out = args.string("out");
	const outPath = out === undefined ? null : tidyVaultPath(out);

	const catalogue = parseCatalogue(await readVaultText(vaultDir, cataloguePath));
	const vault = new FileSystemVault(vaultDir);
	// Checked before the notes are read: a path outside the vault (absolute, or up past its root) is refused at once.
	if (outPath !== null) resolveInVault(vaultDir, outPath);
	const today = new Date();
	const report = readingReport(catalogue, baseName(cataloguePath), await reportNotesOf(vault, catalogue, cataloguePath, dateFormat, today), today);

	if (outPath === null) {
		// On a terminal or in a pipe: no byte order mark, and line feeds (stdout shows a carriage return as an escape).
		io.stdout(format === "md" ? readingReportMarkdown(report, { dateFormat }) : readingReportCsv(report, { byteOrderMark: false }).replace(/\r\n/g, "\n"));
		return EXIT_OK;
	}
	const text = format === "md" ? stampedReport(readingReportMarkdown(report, { dateFormat })) : readingReportCsv(report);
	io.stdout(await writeOut(vault, outPath, text, format));
	return EXIT_OK;
}

export const reportCommand: CommandSpec = {
	summary: "Make a reading report of a catalogue note: per section the papers read (title, venue, year, read date, rating, summary), totals and pace.",
	positionals: [VAULT_DIR],
	options: {
		catalogue: CATALOGUE_OPTION,
		format: { type: "string", valueName: FORMATS.join("|"), description: `markdown for a note, or CSV for a spreadsheet (default "${FORMATS[0]}")` },
		out: {
			type: "string",
			valueName: "path",
			description: "write it to this path inside the vault folder instead of printing it; an existing file is replaced only when it is an earlier report left as it was written",
		},
		"date-format": {
			type: "string",
			valueName: "tokens",
			description: `date-fns tokens the notes' read dates are written in, and the report's dates (default "${DEFAULT_SETTINGS.dateFormat}")`,
		},
	},
	run: runReport,
};
