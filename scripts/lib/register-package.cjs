// Records an unpacked community package in n8n's database, the rows n8n's
// own installer writes (installed_packages + installed_nodes), so the package
// shows in Settings > Community nodes like one installed from there.
// Runs on the Node that runs n8n (n8n's sqlite3 is built for it):
//
//   node register-package.cjs <n8nInstallDir> <n8nUserFolder> <packageName>
'use strict';
const path = require('node:path');
const Module = require('node:module');

const [installDir, userFolder, packageName] = process.argv.slice(2);
const cliDir = path.join(installDir, 'node_modules', 'n8n');

// n8n resolves n8n-workflow for community packages through NODE_PATH; do the same.
process.env.NODE_PATH = [path.join(cliDir, 'node_modules'), path.join(installDir, 'node_modules')].join(
  path.delimiter,
);
Module._initPaths();
const fromCli = (name) => require(require.resolve(name, { paths: [cliDir] }));

async function main() {
  const { PackageDirectoryLoader } = fromCli('n8n-core');
  const sqlite3 = fromCli('sqlite3');

  const packageDir = path.join(userFolder, '.n8n', 'nodes', 'node_modules', packageName);
  const loader = new PackageDirectoryLoader(packageDir);
  await loader.loadAll();
  const { name, version, author } = loader.packageJson;
  const nodes = loader.loadedNodes.map((node) => ({
    name: loader.nodeTypes[node.name].type.description.displayName,
    type: `${name}.${node.name}`,
    latestVersion: node.version,
  }));
  if (nodes.length === 0) throw new Error(`${packageName} contains no loadable nodes`);

  const prefix = process.env.DB_TABLE_PREFIX || '';
  const db = new sqlite3.Database(path.join(userFolder, '.n8n', 'database.sqlite'));
  const run = (sql, params = []) =>
    new Promise((resolve, reject) => db.run(sql, params, (err) => (err ? reject(err) : resolve())));
  await run('BEGIN');
  await run(`DELETE FROM ${prefix}installed_nodes WHERE package = ?`, [name]);
  await run(`DELETE FROM ${prefix}installed_packages WHERE packageName = ?`, [name]);
  await run(
    `INSERT INTO ${prefix}installed_packages (packageName, installedVersion, authorName, authorEmail) VALUES (?, ?, ?, ?)`,
    [name, version, author?.name ?? null, author?.email ?? null],
  );
  for (const node of nodes) {
    await run(
      `INSERT INTO ${prefix}installed_nodes (name, type, latestVersion, package) VALUES (?, ?, ?, ?)`,
      [node.name, node.type, node.latestVersion, name],
    );
  }
  await run('COMMIT');
  await new Promise((resolve) => db.close(resolve));
  process.stdout.write(JSON.stringify({ packageName: name, installedVersion: version, nodes }) + '\n');
}

main().catch((error) => {
  process.stderr.write(`register-package: ${error.stack || error}\n`);
  process.exit(1);
});
