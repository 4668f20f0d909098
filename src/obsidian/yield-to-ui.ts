/** Lets Obsidian paint and handle input before long work goes on: the rest runs on a later task. */
export function yieldToUi(): Promise<void> {
	return new Promise((resolve) => window.setTimeout(resolve, 0));
}
