/** The rendering core: markdown to terminal lines at a width, and the helpers around them. */
export {renderMarkdown} from './render-markdown.js';
export {blockAtLine, lineForSource} from './locate.js';
export {stripStyles} from './plain.js';
export {fitToWidth, textWidth, truncateToWidth, visibleWidth, wrapToWidth} from './text-width.js';
export {isSafeUrl} from '../markdown/sanitize.js';
export type {RenderedBlock, RenderedDoc, RenderOptions} from './types.js';
