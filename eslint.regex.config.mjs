/**
 * Proves every regular expression in src runs in linear time (issue 23): a pattern with adjacent or
 * nested quantifiers over the same characters backtracks polynomially on hostile post text (4,000
 * spaces cost 35–47 s). Only these rules and only the TypeScript parser, so `npm run lint:regex`
 * stays fast; a full linter can fold this file's rules into its own config.
 */
import tsParser from '@typescript-eslint/parser';
import regexp from 'eslint-plugin-regexp';

export default [
	{
		files: ['src/**/*.{ts,tsx}'],
		languageOptions: {parser: tsParser},
		plugins: {regexp},
		// No comment can switch a rule off here: the check is a proof only if it has no exceptions.
		linterOptions: {noInlineConfig: true, reportUnusedDisableDirectives: 'off'},
		rules: {
			'regexp/no-super-linear-backtracking': ['error', {report: 'potential'}],
			'regexp/no-super-linear-move': ['error', {report: 'potential', ignoreSticky: false, ignorePartial: false}],
			'regexp/no-misleading-capturing-group': ['error', {reportBacktrackingEnds: true}],
		},
	},
];
