import {textWidth} from '../render/text-width.js';

/**
 * Cuts plain text to `width` columns with `…` in the middle: post titles often share a long start
 * (`KubeCon + CloudNativeCon Europe 2023 notes` and `… 2024 notes`) and differ at the end.
 */
export function truncateMiddle(text: string, width: number): string {
	if (textWidth(text) <= width) return text;
	if (width <= 1) return width === 1 ? '…' : '';
	const chars = [...text];
	let head = '';
	let tail = '';
	let room = width - 1;
	// Give the end a little more: that is where the titles differ.
	const headRoom = Math.floor(room * 0.45);
	for (const char of chars) {
		if (textWidth(head + char) > headRoom) break;
		head += char;
	}
	room -= textWidth(head);
	for (let index = chars.length - 1; index >= 0; index--) {
		if (textWidth(chars[index]! + tail) > room) break;
		tail = chars[index]! + tail;
	}
	return `${head.trimEnd()}…${tail.trimStart()}`;
}
