// The peer of bench_hq's push and pull rows: PouchDB 9 replicating to express-pouchdb over
// loopback, batches of 1,000. Started by bench/bench_hq.py as
//   node pouchdb_sync.js EVENTS.json
// it serves express-pouchdb on 127.0.0.1 (a LevelDB folder of its own), prints "ready", then
// for each line "run" on stdin pushes the events (one document each, the same JSON the
// product pushes) from a fresh local database to a fresh remote one and pulls them into
// another fresh local one, and prints {"push_ms": ..., "pull_ms": ..., "docs": ...}.
// Loading the local database happens before the clock starts, as the product's outbox is
// built before its push is timed.
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const readline = require("readline");
const express = require("express");
const PouchDB = require("pouchdb");

const BATCH = 1000;
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "bench-pouchdb-"));
const ServerDB = PouchDB.defaults({ prefix: path.join(folder, "server") + path.sep });
const LocalDB = PouchDB.defaults({ prefix: path.join(folder, "local") + path.sep });
fs.mkdirSync(path.join(folder, "server"));
fs.mkdirSync(path.join(folder, "local"));

const events = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const docs = events.map((e) => ({ _id: e.id, ...e }));

const app = express();
app.use("/", require("express-pouchdb")(ServerDB, { mode: "minimumForPouchDB", logPath: path.join(folder, "log.txt") }));

let round = 0;

async function once(base) {
  round += 1;
  const outbox = new LocalDB(`outbox-${round}`);
  for (let i = 0; i < docs.length; i += BATCH) {
    await outbox.bulkDocs(docs.slice(i, i + BATCH));
  }
  const remote = new PouchDB(`${base}/hq-${round}`);
  await remote.info(); // created before the clock starts, as HQ's database is
  let started = process.hrtime.bigint();
  const pushed = await PouchDB.replicate(outbox, remote, { batch_size: BATCH });
  const pushMs = Number(process.hrtime.bigint() - started) / 1e6;

  const inbox = new LocalDB(`inbox-${round}`);
  started = process.hrtime.bigint();
  const pulled = await PouchDB.replicate(remote, inbox, { batch_size: BATCH });
  const pullMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (pushed.docs_written !== docs.length || pulled.docs_written !== docs.length) {
    throw new Error(`replicated ${pushed.docs_written}/${pulled.docs_written} of ${docs.length}`);
  }
  await Promise.all([outbox.destroy(), inbox.destroy(), remote.destroy()]);
  return { push_ms: pushMs, pull_ms: pullMs, docs: docs.length };
}

const server = app.listen(0, "127.0.0.1", () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  console.log("ready");
  const lines = readline.createInterface({ input: process.stdin });
  let queue = Promise.resolve();
  lines.on("line", (line) => {
    if (line.trim() !== "run") return;
    queue = queue.then(() => once(base)).then(
      (result) => console.log(JSON.stringify(result)),
      (error) => { console.log(JSON.stringify({ error: String(error && error.stack || error) })); },
    );
  });
  lines.on("close", () => {
    queue.finally(() => {
      server.close();
      fs.rmSync(folder, { recursive: true, force: true });
      process.exit(0);
    });
  });
});
