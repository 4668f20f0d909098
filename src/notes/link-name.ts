/**
 * The name Obsidian matches a link by when the link is not a full path: its last path segment, without a heading
 * or block part, an alias or `.md`, in lower case (`Papers/On X#Method|alias` → `on x`).
 */
export function linkName(target: string): string {
	const path = target.split(/[#|^]/)[0] ?? "";
	return (path.split("/").pop() ?? "").replace(/\.md$/i, "").trim().toLowerCase();
}
