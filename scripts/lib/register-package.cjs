// Records an unpacked community package in n8n's database (SQLite in the user
// folder, or PostgreSQL when DB_TYPE=postgresdb), the rows n8n's own installer writes (installed_packages + installed_nodes), so the package
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
  const db = process.env.DB_TYPE === 'postgresdb' ? await postgres() : sqlite(fromCli('sqlite3'));
  await db.run('BEGIN');
  await db.run(`DELETE FROM ${prefix}installed_nodes WHERE package = ?`, [name]);
  await db.run(`DELETE FROM ${prefix}installed_packages WHERE "packageName" = ?`, [name]);
  await db.run(
    `INSERT INTO ${prefix}installed_packages ("packageName", "installedVersion", "authorName", "authorEmail") VALUES (?, ?, ?, ?)`,
    [name, version, author?.name ?? null, author?.email ?? null],
  );
  for (const node of nodes) {
    await db.run(
      `INSERT INTO ${prefix}installed_nodes (name, type, "latestVersion", package) VALUES (?, ?, ?, ?)`,
      [node.name, node.type, node.latestVersion, name],
    );
  }
  await db.run('COMMIT');
  await db.close();
  process.stdout.write(JSON.stringify({ packageName: name, installedVersion: version, nodes }) + '\n');
}

/** n8n's SQLite database in the user folder. */
function sqlite(sqlite3) {
  const db = new sqlite3.Database(path.join(userFolder, '.n8n', 'database.sqlite'));
  return {
    run: (sql, params = []) => new Promise((resolve, reject) => db.run(sql, params, (err) => (err ? reject(err) : resolve()))),
    close: () => new Promise((resolve) => db.close(resolve)),
  };
}

/** n8n's PostgreSQL database (queue mode), from the same DB_POSTGRESDB_* settings n8n reads. */
async function postgres() {
  const { Client } = fromCli('pg');
  const env = process.env;
  const client = new Client({
    host: env.DB_POSTGRESDB_HOST,
    port: Number(env.DB_POSTGRESDB_PORT),
    database: env.DB_POSTGRESDB_DATABASE,
    user: env.DB_POSTGRESDB_USER,
    password: env.DB_POSTGRESDB_PASSWORD,
  });
  await client.connect();
  return {
    run: (sql, params = []) => {
      let n = 0;
      return client.query(sql.replace(/\?/g, () => `$${++n}`), params);
    },
    close: () => client.end(),
  };
}

main().catch((error) => {
  process.stderr.write(`register-package: ${error.stack || error}\n`);
  process.exit(1);
});
