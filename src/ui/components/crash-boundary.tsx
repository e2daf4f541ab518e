import {Component, type ReactNode} from 'react';

type Props = {onCrash: (error: unknown) => void; children: ReactNode};

/**
 * An exception while drawing ends the run the same way every time: the terminal is given back and
 * one line says why. Ink's own boundary would draw its error page and, when the error comes in the
 * very first frame, leave the run waiting for an exit that never settles.
 */
export class CrashBoundary extends Component<Props, {error: unknown}> {
	override state: {error: unknown} = {error: undefined};

	static getDerivedStateFromError(error: unknown): {error: unknown} {
		return {error};
	}

	override componentDidCatch(error: unknown): void {
		// Out of React's commit: the handler unmounts Ink.
		setImmediate(() => this.props.onCrash(error));
	}

	override render(): ReactNode {
		return this.state.error === undefined ? this.props.children : null;
	}
}
