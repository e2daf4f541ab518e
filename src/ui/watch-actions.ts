/**
 * What the reader says and opens for a talk: `v` searches for its recording, `w` tells what the
 * mark now is. Pure: strings in, strings out; opening the URL is link-actions.ts' job.
 */
import {sanitizeText} from '../markdown/sanitize.js';

/** The variable that replaces the recording search: an http(s) URL holding `{query}`. */
export const RECORDING_URL_ENV = 'KUBECON_NOTES_RECORDING_URL';
/** The CNCF publishes KubeCon recordings on YouTube: search there by the talk's title. */
export const DEFAULT_RECORDING_URL = 'https://www.youtube.com/results?search_query={query}';

/** A URL to open, and a warning when the configured template was not usable (the default is used). */
export type RecordingSearch = {url: string; warning: string | null};

/**
 * The search for a talk's recording: the template from $KUBECON_NOTES_RECORDING_URL (else a
 * YouTube search) with `{query}` replaced by the talk's title, percent-encoded.
 */
export function recordingSearchUrl(
	session: {title: string},
	env: Record<string, string | undefined> = process.env,
): RecordingSearch {
	const configured = env[RECORDING_URL_ENV]?.trim();
	let template = DEFAULT_RECORDING_URL;
	let warning: string | null = null;
	if (configured) {
		if (isUsableTemplate(configured)) template = configured;
		else warning = `${RECORDING_URL_ENV} must be an http(s) URL holding {query}; searched YouTube instead`;
	}
	const query = encodeURIComponent(sanitizeText(session.title).replace(/\s+/g, ' ').trim());
	return {url: template.replaceAll('{query}', query), warning};
}

function isUsableTemplate(template: string): boolean {
	if (!template.includes('{query}')) return false;
	try {
		const url = new URL(template.replaceAll('{query}', 'x'));
		return url.protocol === 'https:' || url.protocol === 'http:';
	} catch {
		return false;
	}
}

/** The status line after `w`: what the talk is now, and how many are left to watch. */
export function watchedMessage(title: string, isWatched: boolean, leftToWatch: number): string {
	const left =
		leftToWatch === 0
			? 'nothing left to watch'
			: `${leftToWatch} ${leftToWatch === 1 ? 'talk' : 'talks'} left to watch`;
	return `${isWatched ? 'Marked watched' : 'Marked to watch'}: ${sanitizeText(title)} (${left})`;
}
