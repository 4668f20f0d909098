/**
 * Long pure work as a generator that yields between steps: the caller decides whether to run it
 * through (`finish`) or to give the UI a turn at each yield (`finishInSlices`).
 */
export type Steps<T> = Generator<void, T, void>;

export function finish<T>(steps: Steps<T>): T {
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

export async function finishInSlices<T>(steps: Steps<T>, pause: () => Promise<void>): Promise<T> {
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
		await pause();
	}
}
