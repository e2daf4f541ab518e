import {dayNumber} from './evidence.js';

/** A heading or paragraph that may name the group of the talks below it. */
export type Grouping = {readonly text: string; isHeading: boolean};

/** The day a talk sits under: `Day N` when a grouping names a day, else the nearest short label. */
export function dayLabel(groupings: Grouping[]): {day: string | null; dayNumber: number | null} {
	for (const grouping of groupings) {
		const number = dayNumber(grouping.text);
		if (number !== null) return {day: `Day ${number}`, dayNumber: number};
	}
	for (const grouping of groupings) {
		const label = grouping.text.replace(/[:.]\s*$/, '').trim();
		// A heading names its group; a lead-in sentence only when it is short enough to be a label.
		if (label !== '' && (grouping.isHeading || label.length <= 32)) return {day: label, dayNumber: null};
	}
	return {day: null, dayNumber: null};
}
