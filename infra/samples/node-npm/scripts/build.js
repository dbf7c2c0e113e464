// The build step: copies src/ to dist/ and stamps the build time, so an app that skipped `npm run build` cannot start.
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const dist = path.join(root, 'dist');
fs.rmSync(dist, { recursive: true, force: true });
fs.cpSync(path.join(root, 'src'), dist, { recursive: true });
fs.writeFileSync(path.join(dist, 'build-info.json'), JSON.stringify({ builtAt: new Date().toISOString() }) + '\n');
console.log('built dist/');
