// Runs one SQL query with DuckDB over a Parquet file and prints the result rows as JSON on stdout.
//
//   node query.mjs <parquet-path-or-glob> "<sql>"
//
// In the SQL, {path} is replaced by the path as a quoted SQL string literal, and the view `data`
// reads it: SELECT count(*) AS n FROM data;  SELECT * FROM parquet_kv_metadata({path}).
// Output: a JSON array of row objects, in DuckDB's JSON conversion (getRowObjectsJson): BIGINT,
// HUGEINT, DECIMAL and BLOB values arrive as strings, DOUBLE/FLOAT as numbers ("NaN"/"Infinity"
// as strings). Errors go to stderr with exit code 1.
import { DuckDBInstance } from '@duckdb/node-api';

const [path, sql] = process.argv.slice(2);
if (!path || !sql) {
  process.stderr.write('usage: node query.mjs <parquet-path> "<sql>"\n');
  process.exit(2);
}

const literal = `'${path.replaceAll("'", "''")}'`;
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
try {
  await connection.run(`CREATE VIEW data AS SELECT * FROM read_parquet(${literal})`);
  const reader = await connection.runAndReadAll(sql.replaceAll('{path}', literal));
  process.stdout.write(JSON.stringify(reader.getRowObjectsJson()) + '\n');
} catch (error) {
  process.stderr.write(`duckdb: ${error.message}\n`);
  process.exitCode = 1;
} finally {
  connection.closeSync();
}
