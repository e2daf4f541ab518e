/**
 * Ink checks `CI` once, when it is first imported, and in CI mode it draws nothing until the app
 * ends. The reader only starts on a real terminal with a keyboard, so a `CI` variable left in the
 * shell (dev containers, CI jobs that open a pty) must not blank it: clear it before Ink loads.
 */
export function clearCiFlags(env: NodeJS.ProcessEnv = process.env): void {
	delete env['CI'];
	delete env['CONTINUOUS_INTEGRATION'];
}
