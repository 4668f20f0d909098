/**
 * One vault-writing run at a time. "Create paper notes", opening a paper that has no note yet, and other runs that
 * plan against the vault and then write must never interleave: two plans made before either writes both create
 * the same note, and the second fails with "already exists". A command started while a run is going is refused
 * with a notice (the user pressed it twice); work that can wait (opening a paper from the view) waits its turn.
 */
import { Notice } from "obsidian";

export class RunQueue {
	private current: string | null = null;
	private tail: Promise<void> = Promise.resolve();

	/** What is running now, e.g. "Creating paper notes", or null. */
	get running(): string | null {
		return this.current;
	}

	/** Runs `work` unless another run is going, in which case it says so and resolves to null. */
	async exclusive<T>(label: string, work: () => Promise<T>): Promise<T | null> {
		if (this.current !== null) {
			new Notice(`${this.current} is still going; try again when it is done.`);
			return null;
		}
		return this.queued(label, work);
	}

	/** Runs `work` once every earlier run has ended. */
	queued<T>(label: string, work: () => Promise<T>): Promise<T> {
		const run = this.tail.then(async () => {
			this.current = label;
			try {
				return await work();
			} finally {
				this.current = null;
			}
		});
		this.tail = run.then(
			() => undefined,
			() => undefined,
		);
		return run;
	}
}
