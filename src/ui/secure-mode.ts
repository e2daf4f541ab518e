/**
 * Secure mode (--secure, KUBECON_NOTES_SECURE=1), as less's LESSSECURE: for shared machines and
 * kiosks. The reader starts no program (no opener, no editor), writes nothing to the terminal's
 * clipboard, and writes no file outside its config and cache folders. A key that would have done
 * one of these says so in the status line instead: these are its words.
 */
export const secureMessage = {
	open: (url: string) => `Secure mode: links are not opened; the link is ${url}`,
	copy: 'Secure mode: the clipboard is off (nothing copied)',
	recording: 'Secure mode: the recording search is off',
	edit: 'Secure mode: the editor is off',
} as const;
