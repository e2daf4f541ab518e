import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, test} from 'node:test';
import {withCommands} from '../../scripts/readme.js';
import {commandsMarkdown, helpText, parseCli, suggestCommand, UsageError} from '../../src/cli/args.js';
import {globalOptions, subcommands, viewCommand} from '../../src/cli/commands.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const rows = [viewCommand, ...subcommands];

describe('the command table', () => {
	test('the README lists the commands and options exactly as the table has them (npm run readme)', () => {
		assert.equal(readme, withCommands(readme));
		assert.ok(readme.includes(commandsMarkdown()));
	});

	test('--help lists every form of every command and every option, with its help line', () => {
		const help = helpText('1.2.3');
		const flat = help.replace(/\s+/g, ' ');
		for (const row of rows) {
			for (const form of row.forms) {
				assert.ok(help.includes(`kubecon-notes ${form.usage}`), form.usage);
				assert.ok(flat.includes(form.help), form.help);
			}
		}
		for (const option of [...globalOptions, ...subcommands.flatMap((row) => row.options)]) {
			assert.match(help, new RegExp(`^ {2}(-\\w, )?--${option.name}\\b`, 'm'), option.name);
			assert.ok(flat.includes(option.help), option.help);
		}
		assert.ok(
			help.split('\n').every((line) => line.length <= 95),
			'no line wider than 95 columns',
		);
	});

	test("each command's options appear in its forms, and its forms name only options it takes", () => {
		const global = new Set(globalOptions.map((option) => option.name));
		for (const row of rows) {
			const usages = row.forms.map((form) => form.usage).join(' ');
			for (const option of row.options) assert.ok(usages.includes(`--${option.name}`), `${row.name}: --${option.name}`);
			for (const [, name] of usages.matchAll(/--([\w-]+)/g))
				assert.ok(global.has(name!) || row.options.some((option) => option.name === name), `${row.name}: --${name}`);
		}
	});

	test('option names are unique, and every subcommand has a handler', () => {
		const names = [...globalOptions, ...subcommands.flatMap((row) => row.options)].map((option) => option.name);
		assert.equal(new Set(names).size, names.length);
		for (const row of subcommands) assert.equal(typeof row.run, 'function', row.name);
	});

	test('the parser takes its commands and options from the table', () => {
		for (const row of subcommands) assert.equal(suggestCommand(row.name.slice(0, -1)), row.name);
		assert.throws(
			() => parseCli(['topics', '--day', '2']),
			(error: unknown) => error instanceof UsageError && error.message === '--day goes with sessions',
		);
		assert.throws(
			() => parseCli(['--topic', 'x']),
			(error: unknown) => error instanceof UsageError && error.message === '--topic goes with read',
		);
		assert.throws(
			() => parseCli(['--color', 'pink']),
			(error: unknown) =>
				error instanceof UsageError && error.message === "--color takes always, never or auto, not 'pink'",
		);
		assert.throws(
			() => parseCli(['--theme=x']),
			(error: unknown) => error instanceof UsageError && error.message === "--theme takes auto, dark or light, not 'x'",
		);
		assert.throws(
			() => parseCli(['sessions', '--format', 'html']),
			(error: unknown) => error instanceof UsageError && error.message === "--format takes md, not 'html'",
		);
		assert.equal(parseCli(['sessions', '--to-watch', '--format', 'markdown']).command.kind, 'sessions');
		assert.deepEqual(parseCli(['forget', 'eu', '2023', '--posts', 'p']).command, {
			kind: 'forget',
			paths: ['p'],
			post: 'eu 2023',
		});
		assert.deepEqual(parseCli(['--width', '-5', 'x'].slice(2)).command, {kind: 'view', paths: ['x']});
	});
});
