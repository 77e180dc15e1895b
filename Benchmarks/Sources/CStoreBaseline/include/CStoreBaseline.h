#pragma once
// The raw C baselines of store-bench: the same work as LineGuard's Store, written directly
// against the SQLite C API, on a database file whose schema the Store created.
#include <stdint.h>

/// Inserts `rows` rows into `sample` (of the characteristic named `characteristic` and the lot
/// coded `lot`, both looked up once; sequences from `first_sequence`) in transactions of `batch`
/// rows, with the connection set up like the Store's writer (WAL, foreign keys on,
/// synchronous=NORMAL, busy timeout). One untimed warm-up batch comes first; `*seconds`
/// receives the time of the `rows` inserts alone (open, prepare, warm-up and close are outside
/// it, as they are for the Store's side). Returns 0 or the
/// SQLite result code of the first failure.
int lg_store_baseline_ingest(const char *path, const char *characteristic, const char *lot,
                             int64_t rows, int64_t batch, double first_time, int64_t first_sequence,
                             double *seconds);

/// Commits `count` transactions of one `defect` row each with synchronous=FULL (a durable
/// single-row commit) for the characteristic named `characteristic`; `*seconds` receives the
/// time of the commits alone. Returns 0 or the SQLite result code of the first failure.
int lg_store_baseline_durable(const char *path, const char *characteristic, const char *code,
                              int64_t count, double first_time, double *seconds);
