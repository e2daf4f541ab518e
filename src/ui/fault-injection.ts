/**
 * Test-only fault injection. With KUBECON_NOTES_FAULT=render a component throws once the reader
 * has scrolled, so the pseudo-terminal tests can prove that an error inside React still gives the
 * terminal back and keeps the reading position; with KUBECON_NOTES_FAULT=early-frame the early
 * frame (early-frame.ts) throws, and Ink must draw the first frame instead. Unset, this is one
 * string comparison at start-up.
 */
const armed = process.env['KUBECON_NOTES_FAULT'];

export function injectRenderFault(scrolled: boolean): void {
	if (armed === 'render' && scrolled) throw new Error('injected fault (KUBECON_NOTES_FAULT=render)');
}

export function injectEarlyFrameFault(): void {
	if (armed === 'early-frame') throw new Error('injected fault (KUBECON_NOTES_FAULT=early-frame)');
}
