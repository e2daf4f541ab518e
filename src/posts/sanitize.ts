/**
 * Sanitising lives in the markdown layer (src/markdown/sanitize.ts), where every string handed out
 * passes through it; these names stay importable from here for the loader's neighbours.
 */
export {controlPicture, hasUnsafeCharacters, isSafeUrl, sanitizeText, sanitizeValue} from '../markdown/sanitize.js';
