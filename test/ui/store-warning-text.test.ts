import assert from 'node:assert/strict';
import {test} from 'node:test';
import {storeWarningAfterPath} from '../../src/ui/prepare-reader.js';

test("the W list's store warning: the path it opens with is 'This file', the backup's path stays whole (no 'the file' placeholder)", () => {
	const file = '/home/u/.config/kubecon-notes/config.json';
	const moved = `The reading-position file ${file} is not valid (Unexpected end of JSON input); it was moved to ${file}.corrupt-1733 and positions start afresh.`;
	assert.equal(
		storeWarningAfterPath(moved, file),
		`This file is not valid (Unexpected end of JSON input); it was moved to ${file}.corrupt-1733 and positions start afresh.`,
	);
	assert.equal(
		storeWarningAfterPath(`${file} cannot be written (EACCES)`, file),
		'This file cannot be written (EACCES)',
	);
	assert.equal(storeWarningAfterPath('Reading positions are not saved: x', file), 'Reading positions are not saved: x');
});
