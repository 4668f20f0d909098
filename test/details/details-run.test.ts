/** The shared runs over a vault in memory: what Create with details reads, and what a failing cache costs. */
import { describe, expect, it } from "vitest";
import { emptyDetailsCache } from "../../src/details/cache";
import { type DetailsSetup, planSyncWithDetails } from "../../src/details/details-run";
import { MemoryVault } from "../support/memory-vault";
import { EXAMPLE_TEXT } from "../support/example";
import { request } from "../hostile/helpers";
import { FakeTransport, VirtualClock } from "./fakes";
import { always, EXAMPLE_ROUTES } from "./services";

const CATALOGUE = "Catalogue.md";

/** A vault that counts how often the whole vault's notes are listed: a walk of every note. */
class CountingVault extends MemoryVault {
	walks = 0;
	override notesIn(folder: string) {
		if (folder === "") this.walks += 1;
		return super.notesIn(folder);
	}
}

function setup(routes = EXAMPLE_ROUTES, save: () => Promise<void> = () => Promise.resolve()): DetailsSetup {
	const clock = new VirtualClock();
	return { transport: new FakeTransport(clock, routes), clock, cache: { load: () => Promise.resolve(emptyDetailsCache()), save } };
}

describe("planSyncWithDetails", () => {
	it("walks the vault for citation keys only when a paper was found", async () => {
		const offline = new CountingVault({ [CATALOGUE]: EXAMPLE_TEXT });
		const plan = await planSyncWithDetails(offline, request({ cataloguePath: CATALOGUE }), setup([always("https://", "offline")]));
		expect(plan.plan.create).toHaveLength(60);
		expect(offline.walks).toBe(0);

		const online = new CountingVault({ [CATALOGUE]: EXAMPLE_TEXT });
		await planSyncWithDetails(online, request({ cataloguePath: CATALOGUE }), setup());
		expect(online.walks).toBe(1);
	});

	it("a cache that cannot be saved is said, and the plan has the details all the same", async () => {
		const vault = new MemoryVault({ [CATALOGUE]: EXAMPLE_TEXT });
		const { plan, details } = await planSyncWithDetails(vault, request({ cataloguePath: CATALOGUE }), setup(EXAMPLE_ROUTES, () => Promise.reject(new Error("disk full"))));
		expect(details?.cacheNotSaved).toBe("disk full");
		expect(plan.create.some((note) => note.content.includes("citekey: \"narayanan2021efficient\""))).toBe(true);
	});
});
