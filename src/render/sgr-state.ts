/**
 * The SGR attributes in force at a point of a styled line, so that a line cut in the middle of a
 * styled run can be closed at its end and the style reopened on the next line.
 */

/** Attribute slots: a later code in the same slot replaces the earlier one. */
type Slot =
	'fg' | 'bg' | 'bold' | 'dim' | 'italic' | 'underline' | 'blink' | 'inverse' | 'hidden' | 'strike' | 'overline';

const setters: Record<number, Slot> = {
	1: 'bold',
	2: 'dim',
	3: 'italic',
	4: 'underline',
	5: 'blink',
	7: 'inverse',
	8: 'hidden',
	9: 'strike',
	53: 'overline',
};
const resetters: Record<number, Slot[]> = {
	21: ['underline'],
	22: ['bold', 'dim'],
	23: ['italic'],
	24: ['underline'],
	25: ['blink'],
	27: ['inverse'],
	28: ['hidden'],
	29: ['strike'],
	39: ['fg'],
	49: ['bg'],
	55: ['overline'],
};

export class SgrState {
	private readonly slots = new Map<Slot, string>();

	/** Applies the parameters of one `ESC [ … m` sequence (the part between `[` and `m`). */
	apply(parameters: string): void {
		// Nearly every sequence chalk writes has one code: skip the split for those.
		const codes =
			parameters === '' ? [0] : parameters.includes(';') ? parameters.split(';').map(Number) : [Number(parameters)];
		for (let index = 0; index < codes.length; index++) {
			const code = codes[index]!;
			if (code === 0 || Number.isNaN(code)) {
				this.slots.clear();
			} else if (setters[code] !== undefined) {
				this.slots.set(setters[code], String(code));
			} else if (resetters[code] !== undefined) {
				for (const slot of resetters[code]) this.slots.delete(slot);
			} else if (code === 38 || code === 48) {
				// Extended colours eat their arguments: 38;5;n or 38;2;r;g;b.
				const length = codes[index + 1] === 5 ? 2 : codes[index + 1] === 2 ? 4 : 0;
				this.slots.set(code === 38 ? 'fg' : 'bg', codes.slice(index, index + 1 + length).join(';'));
				index += length;
			} else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) {
				this.slots.set('fg', String(code));
			} else if ((code >= 40 && code <= 47) || (code >= 100 && code <= 107)) {
				this.slots.set('bg', String(code));
			}
		}
	}

	get isEmpty(): boolean {
		return this.slots.size === 0;
	}

	/** One sequence that re-establishes the current attributes from a reset state ('' when none). */
	open(): string {
		return this.slots.size === 0 ? '' : `\u001B[${[...this.slots.values()].join(';')}m`;
	}
}
