/** "1 note", "3 notes", "2 entries": a count with its noun, for notices and command-line output. */
export function plural(count: number, one: string, many = `${one}s`): string {
	return `${count} ${count === 1 ? one : many}`;
}
