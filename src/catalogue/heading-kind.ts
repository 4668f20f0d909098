/**
 * Decides whether a heading opens a group of required or optional readings.
 *
 * Rule: the heading is reduced to lower-case words (numbering, emphasis and punctuation become
 * spaces), then searched for marker phrases made of whole words. A marker may sit anywhere in the
 * heading, because real catalogues write "Additional Optional Reading", "Recommended (optional)"
 * and "Readings (required)" alike. Whole words keep "Optionality in ML" and "Requirements for the
 * project" plain. A heading with both kinds of marker ("Required and optional readings") is plain:
 * guessing would misfile half its papers, while plain lets the enclosing heading decide.
 */

import type { HeadingKind } from "./model";

/** Nouns that turn a loose adjective ("core", "further") into a reading-group marker. */
const READING = "(?:readings?|papers?|texts?|materials?|resources?)";

/** Builds a whole-word matcher for the normalised text, whose words are separated by single spaces. */
function phrase(source: string): RegExp {
	return new RegExp(`(?:^| )${source}(?= |$)`);
}

/**
 * "not required" and the like mean optional; they are matched first and cut out so that the
 * "required" inside them does not count as well.
 */
const NEGATED_REQUIRED = phrase("(?:not|non) (?:required|mandatory|compulsory|obligatory)");
const NEGATED_REQUIRED_ALL = new RegExp(NEGATED_REQUIRED.source, "g");

const REQUIRED: readonly RegExp[] = [
	phrase("(?:required|mandatory|compulsory|obligatory)"),
	// "Must-read papers" after normalisation.
	phrase("must reads?"),
	// "Require Reading" is a typo seen in real catalogues; bare "require" is too loose to count.
	phrase(`require ${READING}`),
	// "Core" and "essential" alone are topic words ("Core Concepts"); with a reading noun they mean required.
	phrase(`(?:core|essential) ${READING}`),
];

const OPTIONAL: readonly RegExp[] = [
	phrase("(?:optional|supplementary|supplemental|bonus)"),
	// Syllabi use "recommended" for reading beyond the required list.
	phrase("recommended"),
	// "Background reading" is context for those who want it; bare "Background" is a topic heading.
	phrase(`(?:further|additional|extra|suggested|background) ${READING}`),
];

/** Lower-case words separated by single spaces, with numbering, emphasis and punctuation gone. */
function normalise(text: string): string {
	return text
		.normalize("NFKC")
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, " ")
		.trim();
}

export function headingKind(text: string): HeadingKind {
	const normalised = normalise(text);
	const negated = NEGATED_REQUIRED.test(normalised);
	const rest = negated ? normalised.replace(NEGATED_REQUIRED_ALL, " ") : normalised;
	const optional = negated || OPTIONAL.some((rule) => rule.test(rest));
	const required = REQUIRED.some((rule) => rule.test(rest));
	if (required === optional) return "plain";
	return required ? "required" : "optional";
}
