/** string-width's default export, loaded on first call (see lazy-string-width.cjs). */
declare function stringWidth(text: string): number;
export = stringWidth;
