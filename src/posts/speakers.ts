/** People and organisations read from a speaker string written `Name, Org; Name & Name, Org`. */
export type SpeakerSplit = {people: string[]; organizations: string[]};

// A trailing period closes the sentence, except where it ends an abbreviation (`Styra, Inc.`).
const TRAILING_PERIOD = /(?<!\b(?:Inc|Ltd|Corp|Co|Jr|Sr|St|LLC|GmbH|S\.A|B\.V))\.$/;

export function splitSpeakers(speakers: string): SpeakerSplit {
	const people: string[] = [];
	const organizations: string[] = [];
	const add = (list: string[], value: string) => {
		const clean = value.replace(/\s+/g, ' ').trim().replace(TRAILING_PERIOD, '').trim();
		if (clean !== '' && !list.includes(clean)) list.push(clean);
	};
	for (const group of speakers.split(/\s*;\s*/)) {
		// `A & B, Org` shares one org; `A, Org1 & B, Org2` gives each their own.
		let waiting: string[] = [];
		for (const part of group.split(/\s+(?:&|and)\s+|\s*\/\s*/)) {
			const comma = part.indexOf(',');
			if (comma === -1) {
				waiting.push(part);
				continue;
			}
			const organization = part.slice(comma + 1);
			for (const name of [...waiting, part.slice(0, comma)]) add(people, name);
			add(organizations, organization);
			waiting = [];
		}
		for (const name of waiting) add(people, name);
	}
	return {people, organizations};
}

/** True when text reads like a list of people rather than the rest of a talk title. */
export function looksLikeSpeakers(text: string): boolean {
	const trimmed = text.trim();
	if (trimmed === '') return false;
	if (/[,;&]/.test(trimmed)) return true;
	// One to four capitalised words: `Kelsey Hightower`, `V Körbes`.
	return /^(?:\p{Lu}[\p{L}'’.-]*)(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}$/u.test(trimmed);
}
