import type { Catalogue, Paper } from "../catalogue/model";
import { byCheckbox, type IsDone } from "./completion";

/** The next paper to read: the first unread required one in catalogue order, then the first optional one. */
export function nextUnread(catalogue: Catalogue, isDone: IsDone = byCheckbox): Paper | undefined {
	const unread = catalogue.papers.filter((paper) => !isDone(paper));
	return unread.find((paper) => paper.group === "required") ?? unread[0];
}
