export {loadLibrary, MAX_POST_BYTES, type LoadOptions} from './load-library.js';
export {MissingPathError} from './find-posts.js';
export {parsePost, type PostSource} from './parse-post.js';
export {formatPostDate} from './post-name.js';
export {isSafeUrl, sanitizeText} from '../markdown/sanitize.js';
export type {Library, Post, PostWarning, Session, Topic} from './types.js';
