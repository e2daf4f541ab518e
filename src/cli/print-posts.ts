import {lexBlocks} from '../markdown/lexer.js';
import {trimNewlinesEnd} from '../markdown/lines.js';
import type {Post, Topic} from '../posts/types.js';
import {renderLines} from '../render/render-markdown.js';
import type {RenderOptions} from '../render/types.js';
import {postHeader} from '../render/post-header.js';

/** A whole post as printed lines. */
export function printPost(post: Post, options: RenderOptions): string[] {
	return [...postHeader(post, options), ...trimBlank(renderLines(post.loadBody().body, options))];
}

/**
 * One topic of a post, with the post's reference definitions so its `[logo]` links still resolve,
 * and its footnotes, whole, so the topic's `[^1]` still has its note.
 */
export function printTopic(post: Post, topic: Topic, options: RenderOptions): string[] {
	let definitions: string[];
	const {body} = post.loadBody();
	try {
		definitions = lexBlocks(body)
			.filter((block) => block.token.type === 'def' || block.token.type === 'footnote')
			.map((block) => trimNewlinesEnd(block.token.raw));
	} catch {
		definitions = body.split('\n').filter((line) => /^ {0,3}\[[^\]]+\]:\s*\S/.test(line));
	}
	const markdown = [topic.text, '', ...definitions].join('\n');
	return [...postHeader(post, options), ...trimBlank(renderLines(markdown, options))];
}

function trimBlank(lines: string[]): string[] {
	let end = lines.length;
	while (end > 0 && lines[end - 1]!.trim() === '') end--;
	let start = 0;
	while (start < end && lines[start]!.trim() === '') start++;
	return lines.slice(start, end);
}
