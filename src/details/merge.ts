/**
 * Sources in order: a later source fills only the fields an earlier one left missing, so the
 * order of the look-up is the order of trust.
 */
import { DETAIL_FIELDS, type DetailField, type DetailsSource, type PaperDetails } from "./model";

export function isMissing(value: unknown): boolean {
	return value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
}

/** The fields of `details` that are still missing, in `DETAIL_FIELDS` order. */
export function missingFields(details: PaperDetails, among: readonly DetailField[] = DETAIL_FIELDS): DetailField[] {
	return among.filter((field) => isMissing(details[field]));
}

function setField<K extends DetailField>(target: PaperDetails, field: K, value: PaperDetails[K]): void {
	target[field] = value;
}

/**
 * `base` with the fields it misses taken from `addition`; `source` joins `sources` when it gave
 * at least one. Neither input is changed.
 */
export function mergeDetails(base: PaperDetails, addition: Partial<PaperDetails>, source: DetailsSource): PaperDetails {
	const merged: PaperDetails = { ...base, sources: [...base.sources] };
	let gave = false;
	for (const field of DETAIL_FIELDS) {
		const value = addition[field];
		if (isMissing(merged[field]) && !isMissing(value)) {
			setField(merged, field, Array.isArray(value) ? [...value] : value);
			gave = true;
		}
	}
	if (gave && !merged.sources.includes(source)) merged.sources.push(source);
	return merged;
}
