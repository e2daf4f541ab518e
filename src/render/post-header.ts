/** The lines a post opens with, in the reader and in printed output alike: title, date and tags, a rule. */
import {Chalk} from 'chalk';
import {formatPostDate} from '../posts/post-name.js';
import type {Post} from '../posts/types.js';
import {fitToWidth} from './text-width.js';
import type {RenderedDoc, RenderOptions} from './types.js';

// Made once each: a Chalk instance per post costs more than the header it styles.
const plainChalk = new Chalk({level: 0});
const colorChalk = new Chalk({level: 1});

/** The header above a post: title, then date and tags, then a rule and a blank line. */
export function postHeader(post: Pick<Post, 'title' | 'date' | 'tags'>, options: RenderOptions): string[] {
	const chalk = options.color ? colorChalk : plainChalk;
	const facts = [formatPostDate(post.date), post.tags.map((tag) => `#${tag}`).join(' ')].filter(Boolean).join(' · ');
	return [
		chalk.bold(fitToWidth(post.title, options.width)),
		...(facts ? [chalk.dim(fitToWidth(facts, options.width))] : []),
		chalk.dim('─'.repeat(options.width)),
		'',
	];
}

/**
 * A rendered doc with the header lines above it: every block moves down by the header's height, so
 * topics and reading places (which name blocks, not rows) land where they did. A doc rendered in
 * part stays so: the rest comes with the header too.
 */
export function withHeader(doc: RenderedDoc, header: string[]): RenderedDoc {
	// The body's leading blank rows would leave a gap under the header's own blank line.
	let skip = 0;
	while (skip < doc.lines.length && doc.lines[skip]!.trim() === '' && (doc.blocks[0]?.startLine ?? 0) > skip) skip++;
	const shift = header.length - skip;
	const headed: RenderedDoc = {
		width: doc.width,
		color: doc.color,
		lines: [...header, ...doc.lines.slice(skip)],
		blocks: doc.blocks.map((block) => ({...block, startLine: block.startLine + shift})),
	};
	const {partial} = doc;
	if (partial) {
		let whole: RenderedDoc | undefined;
		headed.partial = {
			sourceLineCount: partial.sourceLineCount,
			renderedSourceLines: partial.renderedSourceLines,
			more: (need) => withHeader(partial.more({...need, rows: Math.max(0, need.rows - shift)}), header),
			whole: () => (whole ??= withHeader(partial.whole(), header)),
		};
	}
	return headed;
}
