import {useEffect, useState} from 'react';

/**
 * A value that follows `value` one macrotask later: the frame with the new value's cheap parts (a
 * typed character) is drawn first, the costly parts (search results) in the next frame. React's
 * useDeferredValue would say this, but Ink 6.8 renders on a legacy root, where it never defers.
 */
export function useSettledValue<T>(value: T, isSame: (a: T, b: T) => boolean): T {
	const [settled, setSettled] = useState(value);
	useEffect(() => {
		if (isSame(settled, value)) return;
		const timer = setTimeout(() => setSettled(value), 0);
		return () => clearTimeout(timer);
	}, [value, settled, isSame]);
	return isSame(settled, value) ? value : settled;
}
