/** Bad usage: one line on stderr, "Try 'kubecon-notes --help'.", and exit 2. */
export class UsageError extends Error {}

/** A failure the user can act on: one line on stderr, then this exit code. */
export class CliError extends Error {
	constructor(
		message: string,
		readonly exitCode: number,
	) {
		super(message);
	}
}
