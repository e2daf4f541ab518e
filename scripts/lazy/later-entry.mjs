// Entry of dist/lazy-later.cjs (see build.mjs): the libraries the reader uses only after its first
// frame (the store's writer, live reload, the session index), one file required on first use.
export {default as Conf} from 'conf';
export {default as lockfile} from 'proper-lockfile';
export {default as Fuse} from 'fuse.js';
export {watch} from 'chokidar';
