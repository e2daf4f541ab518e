import assert from 'node:assert/strict';
import {test} from 'node:test';
import {formatReport, ratio, scoreCorpus} from '../../scripts/corpus.js';

test('the corpus of real-shaped posts stays above the targets (precision >= 98%, recall >= 95%)', () => {
	const report = scoreCorpus();
	const summary = formatReport(report);
	assert.ok(report.posts >= 30, `only ${report.posts} posts in the corpus`);
	// Every talk keeps its line: the search panel jumps there.
	assert.equal(report.lines.hits, report.lines.found, summary);
	for (const tally of [report.topics, report.sessions]) {
		assert.ok(ratio(tally.hits, tally.found) >= 0.98, summary);
		assert.ok(ratio(tally.hits, tally.expected) >= 0.95, summary);
	}
});
