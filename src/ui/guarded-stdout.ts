import {screenSafe} from '../markdown/terminal-text.js';

/**
 * The reader's one writer: the stream Ink draws on, with every write passed through `screenSafe`,
 * so whatever a component is handed, only styling, OSC 8 links and Ink's own cursor and screen
 * sequences reach the terminal. Everything else (size, events, isTTY) is the real stream's.
 */
export function guardedStdout(stream: NodeJS.WriteStream): NodeJS.WriteStream {
	const write = (chunk: unknown, ...rest: unknown[]): boolean =>
		(stream.write as (...args: unknown[]) => boolean)(typeof chunk === 'string' ? screenSafe(chunk) : chunk, ...rest);
	return new Proxy(stream, {
		get(target, property) {
			if (property === 'write') return write;
			const value: unknown = Reflect.get(target, property, target);
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	});
}
