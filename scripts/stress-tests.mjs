// Proof under load: runs the whole suite N times in a row (default 5) with CPU burners beside it
// (default 4, on a 2-core machine that is twice the cores), and stops at the first red run.
//   npm run test:stress -- [runs] [burners]
import {spawn, spawnSync} from 'node:child_process';

const runs = Number(process.argv[2] ?? 5);
const burnerCount = Number(process.argv[3] ?? 4);
const burners = Array.from({length: burnerCount}, () =>
	spawn(process.execPath, ['-e', 'for (;;) {}'], {stdio: 'ignore'}),
);
const stop = () => burners.forEach((burner) => burner.kill('SIGKILL'));
process.on('exit', stop);

// Build and type-check once; the runs then exercise the tests alone.
const build = spawnSync('npm', ['run', 'build'], {stdio: 'inherit'});
if (build.status !== 0) process.exit(build.status ?? 1);
for (let run = 1; run <= runs; run++) {
	const started = Date.now();
	const result = spawnSync(process.execPath, ['scripts/run-tests.mjs'], {
		stdio: ['ignore', 'pipe', 'inherit'],
		encoding: 'utf8',
		maxBuffer: 1 << 28,
	});
	const summary = result.stdout.match(/^\d+ passed, \d+ failed.*$/m)?.[0] ?? 'no summary';
	console.log(
		`run ${run}/${runs} beside ${burnerCount} burners: ${result.status === 0 ? 'green' : 'RED'} (${summary}, ${Math.round((Date.now() - started) / 1000)} s)`,
	);
	if (result.status !== 0) {
		console.log(
			result.stdout
				.split('\n')
				.filter((line) => line.startsWith('✖'))
				.join('\n'),
		);
		process.exit(1);
	}
}
