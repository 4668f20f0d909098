import { describe, expect, it } from "vitest";
import { baseCitekey, citekeyFor, familyName, uniqueCitekey, type CitekeyInput } from "../../src/details/citekey";

describe("baseCitekey", () => {
	it.each<[string, CitekeyInput, string]>([
		["the issue's example", { authors: ["Deepak Narayanan", "Mohammad Shoeybi"], year: 2021, title: "Efficient Large-Scale Language Model Training on GPU Clusters Using Megatron-LM" }, "narayanan2021efficient"],
		["a leading article is skipped", { authors: ["Tim Kraska"], year: 2017, title: "The Case for Learned Index Structures" }, "kraska2017case"],
		["so is a leading 'A' and 'On'", { authors: ["Pedro M. Domingos"], year: 2012, title: "A Few Useful Things to Know About Machine Learning" }, "domingos2012few"],
		["punctuation in the first word", { authors: ["Alexander Ratner"], year: 2019, title: "SysML: The New Frontier" }, "ratner2019sysml"],
		["a hyphenated first word gives its first part", { authors: ["Nitish Shirish Keskar"], year: 2016, title: "On Large-Batch Training" }, "keskar2016large"],
		["accents fold", { authors: ["Mathias Lécuyer"], year: 2019, title: "Privacy Accounting" }, "lecuyer2019privacy"],
		["a family name with capitals inside", { authors: ["Patrick LeGresley"], year: 2021, title: "Élan" }, "legresley2021elan"],
		["'Family, Given'", { authors: ["Agüera y Arcas, Blaise"], year: 2016, title: "Federated" }, "aguerayarcas2016federated"],
		["a suffix is not the family name", { authors: ["Martin Luther King Jr."], year: 1963, title: "Dream" }, "king1963dream"],
		["initials-only first names", { authors: ["H. Brendan McMahan"], year: 2016, title: "Communication-Efficient Learning" }, "mcmahan2016communication"],
		["no authors", { year: 2020, title: "Scaling Laws" }, "2020scaling"],
		["no year", { authors: ["Gale"], title: "The State of Sparsity" }, "galestate"],
		["a title of only small words keeps its first", { authors: ["X Y"], year: 2000, title: "To Be or Not" }, "y2000be"],
		["a name in another script folds to nothing and is left out", { authors: ["李飞飞"], year: 2018, title: "Faster CryptoNets" }, "2018faster"],
		["nothing at all", {}, "paper"],
		["blank authors are skipped", { authors: ["", "  ", "Li Fei-Fei"], year: 2018, title: "x" }, "feifei2018x"],
	])("%s", (_name, input, expected) => {
		expect(baseCitekey(input)).toBe(expected);
	});

	it.each<[string, string]>([
		["Juan M. Maldacena", "Maldacena"],
		["Maldacena, Juan M.", "Maldacena"],
		["Plato", "Plato"],
		["Sammy Davis Jr", "Davis"],
		["John Smith III", "Smith"],
		["  ", ""],
	])("familyName(%j) is %j", (name, family) => {
		expect(familyName(name)).toBe(family);
	});
});

describe("uniqueCitekey", () => {
	it("a, b, … z, then aa, ab", () => {
		const taken = new Set(["k"]);
		const keys: string[] = [];
		for (let i = 0; i < 28; i++) {
			const key = uniqueCitekey("k", (candidate) => taken.has(candidate));
			taken.add(key);
			keys.push(key);
		}
		expect(keys.slice(0, 3)).toEqual(["ka", "kb", "kc"]);
		expect(keys.slice(25)).toEqual(["kz", "kaa", "kab"]);
	});

	it("is stable: the same inputs and the same taken keys give the same key", () => {
		const input: CitekeyInput = { authors: ["Deepak Narayanan"], year: 2021, title: "Efficient Large-Scale" };
		const taken = (key: string): boolean => key === "narayanan2021efficient";
		expect(citekeyFor(input, taken)).toBe("narayanan2021efficienta");
		expect(citekeyFor(input, taken)).toBe(citekeyFor({ ...input }, taken));
		expect(citekeyFor(input)).toBe("narayanan2021efficient");
	});
});
