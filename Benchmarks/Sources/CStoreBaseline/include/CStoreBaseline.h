#pragma once
// The raw C baselines of store-bench: the same work as LineGuard's Store, written directly
// against the SQLite C API, on a database file whose schema the Store created. The benchmark
// times each call from Swift, in blocks interleaved with the Store's, so that both sides see
// the same machine load.
#include <stdint.h>

/// One open baseline connection with its prepared statements.
typedef struct lg_store_baseline lg_store_baseline;

/// Opens `path` like the Store's writer (WAL, foreign keys on, synchronous=NORMAL, busy
/// timeout), looks up the characteristic named `characteristic` and the lot coded `lot` once,
/// and prepares the statements. Returns NULL (with `*rc` set) on failure.
lg_store_baseline *lg_store_baseline_open(const char *path, const char *characteristic, const char *lot, int *rc);

/// Inserts `rows` rows into `sample` in transactions of `batch` rows (times from `first_time`,
/// sequences from `first_sequence`). Returns 0 or the SQLite result code of the first failure.
int lg_store_baseline_ingest(lg_store_baseline *baseline, int64_t rows, int64_t batch, double first_time,
                             int64_t first_sequence);

/// Commits `count` transactions of one `defect` row each with synchronous=FULL (a durable
/// single-row commit), then returns to synchronous=NORMAL. Returns 0 or the SQLite result code.
int lg_store_baseline_durable(lg_store_baseline *baseline, int64_t count, double first_time);

/// Finalizes the statements and closes the connection.
void lg_store_baseline_close(lg_store_baseline *baseline);
