import type {SearchableSession} from '../../src/search/session-index.js';

const SUBJECTS = [
	'Kubernetes',
	'etcd',
	'Service Mesh',
	'eBPF',
	'GitOps',
	'Argo CD',
	'Flux',
	'Policy',
	'Observability',
	'Storage',
	'Networking',
	'Operators',
	'WebAssembly',
	'GPU Scheduling',
	'Multi-Tenancy',
	'Security',
	'Cluster API',
	'Prometheus',
	'OpenTelemetry',
	'Istio',
];
const SHAPES = [
	'Scaling {s} to Thousands of Nodes',
	'A Deep Dive into {s}',
	'{s} in Production: Lessons Learned',
	'Securing {s} the Hard Way',
	'What Nobody Tells You About {s}',
	'{s} 101: Getting Started',
	'Debugging {s} Like a Pro',
	'The Future of {s}',
];
const FIRST = [
	'Ana',
	'Bo',
	'Chen',
	'Dagmar',
	'Émile',
	'Fatima',
	'Gustavo',
	'Håkon',
	'Ines',
	'Jürgen',
	'Kasia',
	'Łukasz',
	'Mårten',
	'Nikola',
	'Oğuz',
	'Priya',
	'Quentin',
	'Renée',
	'Søren',
	'Tomasz',
];
const LAST = [
	'García',
	'Müller',
	'Nowak',
	'Østergaard',
	'Zięba',
	'Körbes',
	'Woźniak',
	'Smith',
	'Dubois',
	'Rossi',
	'Yılmaz',
	'Novák',
	'Tanaka',
	'Kim',
	'Silva',
	'Ivanov',
];
const ORGS = [
	'Acme',
	'Initech',
	'Datadog',
	'Isovalent',
	'Red Hat',
	'Google',
	'Microsoft',
	'VMware',
	'Solo.io',
	'Shopify',
];
const NOTES = [
	null,
	null,
	null,
	null,
	'great demo',
	"Couldn't really attend, room full",
	'slides are online',
	'missed it, watch later',
];

/** N sessions shaped like real notes, deterministic for a given N (no randomness between runs). */
export function generateSessions(count: number): SearchableSession[] {
	// mulberry32: a small seeded generator whose low bits are as random as its high ones.
	let seed = 42;
	const next = (limit: number) => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * limit);
	};
	return Array.from({length: count}, (_, index) => {
		const subject = SUBJECTS[next(SUBJECTS.length)]!;
		const title = `${SHAPES[next(SHAPES.length)]!.replace('{s}', subject)}${index % 7 === 0 ? ` - Part ${index % 5}` : ''}`;
		const people = Array.from({length: 1 + next(3)}, () => `${FIRST[next(FIRST.length)]} ${LAST[next(LAST.length)]}`);
		const organizations = [ORGS[next(ORGS.length)]!];
		const note = NOTES[next(NOTES.length)]!;
		const day = 1 + next(4);
		return {
			title,
			speakers: `${people.join(' & ')}, ${organizations[0]}`,
			people,
			organizations,
			url: `https://sched.co/G${index}`,
			day: `Day ${day}`,
			dayNumber: day,
			note,
			missed: note !== null && /couldn't|missed/i.test(note),
			postId: `post-${index % 40}.md`,
			line: 10 + index,
			fileLine: 15 + index,
			postTitle: `Conference notes ${index % 40}`,
			tags: ['kubecon'],
		};
	});
}

/** A few real sessions from the bundled notes' facts, for ranking tests a person can check. */
export const realSessions: SearchableSession[] = [
	[
		'Setting up Etcd with Kubernetes to Host Clusters with Thousands of Nodes',
		'Marcel Zięba, Isovalent & Laurent Bernaille, Datadog',
		2,
		null,
	],
	['Practical Challenges with Pod Security Admission', 'V Körbes & Christian Schlotter, VMware', 3, null],
	[
		'Enabling HPC and ML Workloads with the Latest Kubernetes Job Features',
		'Michał Woźniak, Google & Vanessa Sochat, Lawrence Livermore National Laboratory',
		3,
		null,
	],
	['Kubeadm Deep Dive', 'Rohit Anand, NEC & Paco Xu, Dao', 1, null],
	[
		'Flux Beyond Git: Harnessing the Power of OCI',
		'Stefan Prodan & Hidde Beydals, Weaveworks.',
		1,
		"Couldn't really attend, room full",
	],
].map(([title, speakers, day, note], index) => ({
	title: title as string,
	speakers: speakers as string,
	people: [],
	organizations: [],
	url: `https://sched.co/R${index}`,
	day: `Day ${day}`,
	dayNumber: day as number,
	note: note as string | null,
	missed: note !== null,
	postId: 'real.md',
	line: index + 1,
	fileLine: index + 5,
	postTitle: 'KubeCon EU 2023',
	tags: ['kubecon'],
}));
