/**
 * The one lint configuration (issue 27): `npm run lint` runs it over src, test, scripts and bench, with
 * `prettier --check` for the layout (.prettierrc.json). typescript-eslint's recommended rules, React's
 * hook rules, and the regular-expression proof of issue 23: a pattern with adjacent or nested
 * quantifiers over the same characters backtracks polynomially on hostile post text (4,000 spaces
 * cost 35–47 s), so in src those rules admit no exception, not even an inline comment.
 */
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import regexp from 'eslint-plugin-regexp';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const linearTime = {
	'regexp/no-super-linear-backtracking': ['error', {report: 'potential'}],
	'regexp/no-super-linear-move': ['error', {report: 'potential', ignoreSticky: false, ignorePartial: false}],
	'regexp/no-misleading-capturing-group': ['error', {reportBacktrackingEnds: true}],
};

export default tseslint.config(
	{ignores: ['dist/**', 'node_modules/**', 'patches/**', 'posts/**', 'test/corpus/**', 'test/fixtures/**']},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		languageOptions: {globals: {...globals.node}},
		linterOptions: {reportUnusedDisableDirectives: 'error'},
		rules: {
			// A terminal program: the control characters its patterns match are what it guards the screen from.
			'no-control-regex': 'off',
			// A variable a closure reads before the one assignment is a let on purpose.
			'prefer-const': ['error', {ignoreReadBeforeAssign: true}],
			'@typescript-eslint/no-unused-vars': [
				'error',
				{argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none'},
			],
		},
	},
	{
		files: ['src/**/*.tsx', 'src/ui/hooks/**/*.ts'],
		plugins: {'react-hooks': reactHooks},
		rules: {'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error'},
	},
	{files: ['src/**/*.{ts,tsx}'], plugins: {regexp}, rules: linearTime},
	{
		// The CommonJS launcher and the build's stand-ins for lazily loaded modules.
		files: ['**/*.cjs', 'bin/**/*.js'],
		languageOptions: {sourceType: 'commonjs'},
		rules: {'@typescript-eslint/no-require-imports': 'off'},
	},
	prettier,
);
