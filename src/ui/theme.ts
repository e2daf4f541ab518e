/** Colours of the reader, by role; with colour off every role is plain or inverse only. */
export type UiTheme = {
	accent: string | undefined;
	dim: boolean;
	rule: string | undefined;
	flash: string | undefined;
};

export function uiTheme(color: boolean): UiTheme {
	return color ? {accent: 'cyan', dim: true, rule: 'gray', flash: 'yellow'} : {accent: undefined, dim: false, rule: undefined, flash: undefined};
}
