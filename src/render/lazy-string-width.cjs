// string-width, loaded the first time a text is not narrow (text-measure.ts measures narrow text
// itself). Its module builds an emoji pattern (`\p{RGI_Emoji}` with the v flag) that takes 16 to 28
// ms at every start; printing plain notes never needs it. CommonJS, so the bundle starts string-width
// where this first requires it (esbuild wraps a required ES module to run on that call); outside the
// bundle, Node 20.19 and later require an ES module.
'use strict';

let real;

module.exports = function stringWidth(text) {
	real ??= require('string-width').default;
	return real(text);
};
