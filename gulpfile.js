const { src, dest, series } = require('gulp');

/** Icons and codex files of nodes and credentials, copied beside the compiled code in dist/. */
function copyAssets() {
	return src(['nodes/**/*.{png,svg,json}', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports['build:assets'] = series(copyAssets);
exports.default = exports['build:assets'];
