import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {DEFAULT_RECORDING_URL, recordingSearchUrl, watchedMessage} from '../../src/ui/watch-actions.js';

describe('v: the search for a talk recording', () => {
	test('by default a YouTube search of the title, encoded', () => {
		assert.deepEqual(recordingSearchUrl({title: 'Flux Beyond Git: OCI & you?'}, {}), {
			url: 'https://www.youtube.com/results?search_query=Flux%20Beyond%20Git%3A%20OCI%20%26%20you%3F',
			warning: null,
		});
		assert.equal(DEFAULT_RECORDING_URL, 'https://www.youtube.com/results?search_query={query}');
	});
	test('KUBECON_NOTES_RECORDING_URL replaces it; every {query} is filled', () => {
		const env = {KUBECON_NOTES_RECORDING_URL: 'https://videos.example/search?q={query}&again={query}'};
		assert.equal(
			recordingSearchUrl({title: 'eBPF  for\teveryone'}, env).url,
			'https://videos.example/search?q=eBPF%20for%20everyone&again=eBPF%20for%20everyone',
		);
	});
	test('a template that is no http(s) URL or has no {query} is not used, and that is said', () => {
		for (const template of [
			'javascript:alert(1)//{query}',
			'https://example.com/',
			'file:///etc/{query}',
			'not a url {query}',
		]) {
			const search = recordingSearchUrl({title: 'T'}, {KUBECON_NOTES_RECORDING_URL: template});
			assert.equal(search.url, 'https://www.youtube.com/results?search_query=T', template);
			assert.match(search.warning ?? '', /KUBECON_NOTES_RECORDING_URL must be an http\(s\) URL holding \{query\}/);
		}
	});
	test('a hostile title cannot put control characters into the URL', () => {
		assert.doesNotMatch(
			recordingSearchUrl({title: 'a\u001B[2Jb\u202Ec'}, {}).url,
			/[\u0000-\u001F\u007F-\u009F\u202E]/,
		);
	});
});

describe('w: what the mark now is', () => {
	test('watched or to watch, and how many are left', () => {
		assert.equal(watchedMessage('CSI Deep Dive', true, 0), 'Marked watched: CSI Deep Dive (nothing left to watch)');
		assert.equal(watchedMessage('CSI Deep Dive', false, 1), 'Marked to watch: CSI Deep Dive (1 talk left to watch)');
		assert.equal(watchedMessage('x', true, 3), 'Marked watched: x (3 talks left to watch)');
	});
});
