import assert from 'node:assert/strict';
import {test} from 'node:test';
import {belowFloor, figuresOf, formatReport, ratio, readRecorded, REAL_DIR, scoreFixtures, scoreLabelled} from '../../scripts/corpus.js';

test('the corpus of real-shaped posts stays above the targets (precision >= 98%, recall >= 95%)', () => {
	const report = scoreFixtures();
	const summary = formatReport(report);
	assert.ok(report.posts >= 30, `only ${report.posts} posts in the corpus`);
	// Every talk keeps its line: the search panel jumps there.
	assert.equal(report.lines.hits, report.lines.found, summary);
	assert.ok(ratio(report.talks.hits, report.talks.found) >= 0.98, summary);
	assert.ok(ratio(report.talks.hits, report.talks.expected) >= 0.95, summary);
	assert.deepEqual(belowFloor('test/corpus', figuresOf(report), readRecorded().fixtures), [], summary);
});

// The ratchet on real posts: no figure may fall below the one recorded in test/corpus/figures.json
// (`npm run corpus -- --record` raises the record after a gain).
test('the shared real corpus keeps the recorded figures', t => {
	const report = scoreLabelled(REAL_DIR, '../shared/corpus/real');
	if (!report) {
		t.skip(`../shared/corpus/real is not beside the repository (${REAL_DIR}): the real corpus is not measured`);
		return;
	}
	assert.deepEqual(belowFloor('real', figuresOf(report), readRecorded().real), [], formatReport(report, {misses: false}));
});
