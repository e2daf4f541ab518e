import {Chalk} from 'chalk';
import {explainTalks, type TalkVerdict} from '../posts/talks/index.js';
import type {Post} from '../posts/types.js';

/**
 * `kubecon-notes sessions --explain [POST]`: each talk found with what made it one, and the near
 * misses (candidates weighed and left out) with why not. For a user who wonders why a talk is
 * missing from the search, and for us.
 */
export function explainLines(posts: Post[], color: boolean): string[] {
	const chalk = new Chalk({level: color ? 1 : 0});
	const lines: string[] = [];
	for (const post of posts) {
		const {body, bodyLineOffset, frontMatter} = post.loadBody();
		const verdicts = explainTalks({id: post.id, body, bodyLineOffset, frontMatter});
		const talks = verdicts.filter((verdict) => verdict.accepted);
		// A near miss is a candidate with something for it; plain prose is not worth a line.
		const misses = verdicts.filter((verdict) => !verdict.accepted && isNearMiss(verdict));
		if (lines.length > 0) lines.push('');
		lines.push(chalk.bold(`${post.id}  (${post.title})`));
		lines.push(
			`  ${talks.length} talk${talks.length === 1 ? '' : 's'}, ${misses.length} near miss${misses.length === 1 ? '' : 'es'}`,
		);
		for (const verdict of verdicts) {
			if (!verdict.accepted && !isNearMiss(verdict)) continue;
			const mark = verdict.accepted ? chalk.green('✓') : chalk.yellow('✗');
			const who = verdict.accepted && verdict.speakers ? ` — ${verdict.speakers}` : '';
			// Whole lines, never cut: printed output drops no characters.
			lines.push(`${mark} ${String(verdict.line).padStart(4)}  ${verdict.kind}: ${verdict.text}${who}`);
			lines.push(chalk.dim(`        ${verdict.accepted ? 'because' : 'not a talk:'} ${verdict.why}`));
			for (const item of verdict.evidence) lines.push(chalk.dim(`          ${item}`));
		}
	}
	return lines;
}

/** Left out, but close: a heading with some evidence, or a list item or block that was weighed. */
function isNearMiss(verdict: TalkVerdict): boolean {
	if (verdict.kind !== 'heading') return true;
	return verdict.evidence.some((item) => !item.startsWith('-')) || /author|\{:/.test(verdict.why);
}
