/**
 * A paper note's `rating` property (1 to 5), and the mean rating of a set of
 * papers, as the progress view and the reports show them.
 */
import type { Catalogue } from "../catalogue/model";

export const MIN_RATING = 1;
export const MAX_RATING = 5;

// "4", "4.5", "4/5", "4 / 5": what people type into a text property. A scale other than 5 is not guessed at.
const RATING_TEXT = /^(\d+(?:\.\d+)?)(?:\s*\/\s*5)?$/;

/**
 * The rating a property holds: a number from 1 to 5 (halves and other
 * fractions allowed), or a text such as "4" or "4/5". Anything else — empty,
 * 0, 6, "4/10", "four", a list, a boolean — is no rating (null).
 */
export function ratingOf(value: unknown): number | null {
	let rating: number;
	if (typeof value === "number") rating = value;
	else if (typeof value === "string") {
		const match = RATING_TEXT.exec(value.trim());
		if (!match?.[1]) return null;
		rating = Number(match[1]);
	} else return null;
	return Number.isFinite(rating) && rating >= MIN_RATING && rating <= MAX_RATING ? rating : null;
}

/** The mean of the ratings that are set; null when none is. */
export function meanRating(ratings: Iterable<number | null | undefined>): number | null {
	let sum = 0;
	let count = 0;
	for (const rating of ratings) {
		if (rating === null || rating === undefined) continue;
		sum += rating;
		count += 1;
	}
	return count === 0 ? null : sum / count;
}

/**
 * Each section's mean rating (indexed like `catalogue.sections`), null for a section with no rated paper.
 * `ratings` holds a rating by paper id; a paper listed twice in a section counts once.
 */
export function sectionMeanRatings(catalogue: Catalogue, ratings: ReadonlyMap<string, number | null>): (number | null)[] {
	return catalogue.sections.map((section) => {
		const byKey = new Map<string, number | null | undefined>();
		for (const index of section.paperIndexes) {
			const paper = catalogue.papers[index];
			if (paper && !byKey.has(paper.key)) byKey.set(paper.key, ratings.get(paper.id));
		}
		return meanRating(byKey.values());
	});
}

/** "4", "4.5", "3.7": a rating or a mean, to one decimal at most. */
export function formatRating(rating: number): string {
	return Number(rating.toFixed(1)).toString();
}
