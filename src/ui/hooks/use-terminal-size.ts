import {useEffect, useState} from 'react';

/** The terminal's size, following resizes (Ink 6.8 has no hook for it). */
export function useTerminalSize(stdout: NodeJS.WriteStream): {width: number; height: number} {
	const [size, setSize] = useState({width: stdout.columns || 80, height: stdout.rows || 24});
	useEffect(() => {
		const onResize = () => setSize({width: stdout.columns || 80, height: stdout.rows || 24});
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	return size;
}
