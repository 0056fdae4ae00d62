// Prints n8n's community package rows (installed_packages, installed_nodes) as
// JSON, without their timestamps. Runs on the Node that runs n8n (n8n's sqlite3
// is built for it):
//
//   node installed-rows.cjs <n8nInstallDir> <n8nUserFolder>
'use strict';
const path = require('node:path');

const [installDir, userFolder] = process.argv.slice(2);
const cliDir = path.join(installDir, 'node_modules', 'n8n');
const sqlite3 = require(require.resolve('sqlite3', { paths: [cliDir] }));

const prefix = process.env.DB_TABLE_PREFIX || '';
const db = new sqlite3.Database(path.join(userFolder, '.n8n', 'database.sqlite'), sqlite3.OPEN_READONLY);
const all = (sql) =>
  new Promise((resolve, reject) => db.all(sql, (err, rows) => (err ? reject(err) : resolve(rows))));

(async () => {
  const packages = await all(
    `SELECT packageName, installedVersion, authorName, authorEmail FROM ${prefix}installed_packages ORDER BY packageName`,
  );
  const nodes = await all(
    `SELECT name, type, latestVersion, package FROM ${prefix}installed_nodes ORDER BY package, type`,
  );
  await new Promise((resolve) => db.close(resolve));
  process.stdout.write(JSON.stringify({ packages, nodes }) + '\n');
})().catch((error) => {
  process.stderr.write(`installed-rows: ${error.stack || error}\n`);
  process.exit(1);
});
