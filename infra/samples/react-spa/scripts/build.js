// `npm run build`: bundles src/ with esbuild into build/static/js and copies public/ to build/ (static files only).
// `npm start`: the development server (esbuild serve with live rebuilds), never what production should run.
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');

const root = path.join(__dirname, '..');
const out = path.join(root, 'build');
const serve = process.argv.includes('--serve');
const options = {
  entryPoints: [path.join(root, 'src/index.jsx')],
  bundle: true,
  minify: !serve,
  sourcemap: serve,
  outfile: path.join(out, 'static/js/main.js'),
  define: { 'process.env.NODE_ENV': JSON.stringify(serve ? 'development' : 'production') },
  jsx: 'transform',
  loader: { '.jsx': 'jsx' },
  logLevel: 'info',
};

async function main() {
  fs.rmSync(out, { recursive: true, force: true });
  fs.cpSync(path.join(root, 'public'), out, { recursive: true });
  if (!serve) {
    await esbuild.build(options);
    return;
  }
  const context = await esbuild.context(options);
  await context.watch();
  const port = Number(process.env.PORT || 3000);
  await context.serve({ servedir: out, port, fallback: path.join(out, 'index.html') });
  console.log(`react-spa development server on port ${port}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
