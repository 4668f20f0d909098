/**
 * What the running app's Bases can do, from its version: the base we write
 * must open in the oldest app that gets it.
 */

/** Bases reached every user (out of early access) in 1.9.10; the early-access 1.9 builds used an older syntax. */
export const BASES_MIN_VERSION = "1.9.10";
/** `groupBy` in a view (and the list layout) came with 1.10. */
export const GROUP_BY_MIN_VERSION = "1.10.0";

export interface BasesFeatures {
	/** The Bases core plugin exists: a `.base` file opens as a base. */
	bases: boolean;
	/** Views can group their rows (`groupBy`). */
	groupBy: boolean;
}

function parts(version: string): number[] | null {
	const match = /^\s*v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(version);
	if (!match) return null;
	return [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
}

/** Whether `version` is `minimum` or later; false for a version that cannot be read. */
export function isAtLeast(version: string, minimum: string): boolean {
	const have = parts(version);
	const need = parts(minimum);
	if (!have || !need) return false;
	for (let i = 0; i < 3; i++) {
		const a = have[i] ?? 0;
		const b = need[i] ?? 0;
		if (a !== b) return a > b;
	}
	return true;
}

/** The Bases features of an app of this version (Obsidian's `apiVersion`, e.g. "1.10.3"). */
export function basesFeaturesOf(appVersion: string): BasesFeatures {
	return { bases: isAtLeast(appVersion, BASES_MIN_VERSION), groupBy: isAtLeast(appVersion, GROUP_BY_MIN_VERSION) };
}
