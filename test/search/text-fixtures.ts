import type {TextPost} from '../../src/search/text-search.js';

const WORDS =
	'cluster node pod scheduler etcd latency gateway policy admission webhook operator controller volume network mesh sidecar proxy upgrade rollout canary tracing metrics logs alert quota tenant namespace runtime image registry build pipeline gitops secret certificate ingress service storage backup restore failover region zone kernel cgroup sandbox'.split(
		' ',
	);
const NAMES = ['Zięba', 'Körbes', 'Woźniak', 'Østergaard', 'García', 'Müller'];

/**
 * A library of `count` posts of about `kilobytes` each, written as notes are (headings, paragraphs,
 * lists, links), deterministic for given sizes: for measuring the text search on a big library.
 */
export function generateTextPosts(count: number, kilobytes = 12): TextPost[] {
	let seed = 7;
	const next = (limit: number) => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * limit);
	};
	const sentence = () => {
		const words = Array.from({length: 8 + next(12)}, () => WORDS[next(WORDS.length)]!);
		if (next(9) === 0) words.splice(next(words.length), 0, NAMES[next(NAMES.length)]!);
		if (next(40) === 0)
			words.splice(
				next(words.length),
				0,
				`**${WORDS[next(WORDS.length)]}**`,
				`[link](https://example.org/${next(1000)})`,
			);
		return `${words.join(' ')}.`;
	};
	return Array.from({length: count}, (_, index) => {
		let body = '';
		for (let section = 0; body.length < kilobytes * 1024; section++) {
			body += `## Part ${section}: ${WORDS[next(WORDS.length)]}\n\n`;
			for (let paragraph = 0; paragraph < 3; paragraph++)
				body += `${Array.from({length: 3 + next(4)}, sentence).join(' ')}\n\n`;
			body += `* ${sentence()}\n* ${sentence()}\n\n`;
		}
		return {id: `post-${index}.md`, title: `Notes ${index}: ${WORDS[next(WORDS.length)]}`, body};
	});
}
