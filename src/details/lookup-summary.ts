/** What a look-up did not find, and a cache it could not save, in sentences for a notice or the command line. */
import type { LookupWithCache } from "./details-run";
import { type DetailsReport, reasonsWithoutDetails } from "./lookup";

/** "3 papers had no details: offline (2), no title match (1)." — or null when every paper was found. */
export function missesSentence(report: DetailsReport): string | null {
	const missing = report.papers.filter((paper) => !paper.found).length;
	if (missing === 0) return null;
	const why = [...reasonsWithoutDetails(report)].map(([reason, count]) => `${reason} (${count})`).join(", ");
	const cancelled = report.cancelled ? " The look-up was cancelled." : "";
	return `${missing} ${missing === 1 ? "paper" : "papers"} had no details: ${why}.${cancelled}`;
}

/** Said when the cache could not be written: nothing is lost but the next run's speed. */
export function cacheSentence(report: LookupWithCache): string | null {
	return report.cacheNotSaved === undefined ? null : `The look-up cache could not be saved (${report.cacheNotSaved}); the next look-up asks again.`;
}
