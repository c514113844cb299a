// The benchmark's script-level peer: mysql2 streams the rows as the server's text (exact: mysql2's own
// number parsing was seen off by one ulp), DuckDB's appender stages them, and DuckDB casts each column
// to its type while it writes the Parquet file.
// Usage: node peer.mjs host port user database "SELECT …" out.parquet zstd|uncompressed
import mysql from 'mysql2';
import { DuckDBInstance } from '@duckdb/node-api';

const [host, port, user, database, sql, out, codec] = process.argv.slice(2);
const conn = mysql.createConnection({ host, port: Number(port), user, database, ssl: undefined });
const duck = await (await DuckDBInstance.create(':memory:')).connect();

const BINARY_CHARSET = 63;
function duckType(f) {
  const unsigned = (f.flags & 32) !== 0;
  switch (f.columnType) {
    case 1: return unsigned ? 'UTINYINT' : 'TINYINT';
    case 2: return unsigned ? 'USMALLINT' : 'SMALLINT';
    case 3: case 9: return unsigned ? 'UINTEGER' : 'INTEGER';
    case 8: return unsigned ? 'UBIGINT' : 'BIGINT';
    case 0: case 246: return `DECIMAL(${Math.min(38, f.columnLength - (f.decimals > 0 ? 1 : 0) - (unsigned ? 0 : 1))},${f.decimals})`;
    case 4: return 'FLOAT';
    case 5: return 'DOUBLE';
    case 7: case 12: return 'TIMESTAMP';
    case 10: case 14: return 'DATE';
    default: return f.characterSet === BINARY_CHARSET ? 'BLOB' : 'VARCHAR';
  }
}

const rows = conn.query({
  sql,
  rowsAsArray: true,
  typeCast: (field, next) => (field.characterSet === BINARY_CHARSET && ![1, 2, 3, 8, 9, 0, 246, 4, 5, 7, 12, 10, 14].includes(field.type)
    ? field.buffer() : field.string()),
}).stream({ highWaterMark: 4096 });

let fields;
let appender;
let staged;
rows.on('fields', (f) => { fields = f; });
for await (const row of rows) {
  if (!appender) {
    staged = fields.map((f) => (duckType(f) === 'BLOB' ? 'BLOB' : 'VARCHAR'));
    await duck.run(`CREATE TABLE t (${fields.map((f, i) => `"c${i}" ${staged[i]}`).join(', ')})`);
    appender = await duck.createAppender('t');
  }
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (v === null) appender.appendNull();
    else if (staged[i] === 'BLOB') appender.appendBlob(new Uint8Array(v)); // a copy: the binding refused mysql2's Buffer views
    else appender.appendVarchar(v);
  }
  appender.endRow();
}
appender.closeSync();
const select = fields.map((f, i) => `CAST("c${i}" AS ${duckType(f)}) AS "${f.name.replaceAll('"', '""')}"`).join(', ');
await duck.run(`COPY (SELECT ${select} FROM t) TO '${out}' (FORMAT parquet, COMPRESSION ${codec})`);
conn.end();
