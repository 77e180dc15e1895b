#include "CStoreBaseline.h"
#include <sqlite3.h>
#include <stddef.h>
#include <time.h>

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int open_like_the_store(const char *path, sqlite3 **db, const char *synchronous) {
    int rc = sqlite3_open_v2(path, db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK) return rc;
    sqlite3_busy_timeout(*db, 5000);
    rc = sqlite3_exec(*db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
    if (rc == SQLITE_OK) rc = sqlite3_exec(*db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
    if (rc == SQLITE_OK) rc = sqlite3_exec(*db, synchronous, NULL, NULL, NULL);
    return rc;
}

// The row id named by `sql` with one text parameter, or -1.
static int64_t lookup(sqlite3 *db, const char *sql, const char *name) {
    sqlite3_stmt *statement = NULL;
    int64_t id = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, NULL) != SQLITE_OK) return -1;
    sqlite3_bind_text(statement, 1, name, -1, SQLITE_STATIC);
    if (sqlite3_step(statement) == SQLITE_ROW) id = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    return id;
}

int lg_store_baseline_ingest(const char *path, const char *characteristic, const char *lot,
                             int64_t rows, int64_t batch, double first_time, int64_t first_sequence,
                             double *seconds) {
    sqlite3 *db = NULL;
    sqlite3_stmt *insert = NULL, *begin = NULL, *commit = NULL;
    int rc = open_like_the_store(path, &db, "PRAGMA synchronous = NORMAL");
    int64_t characteristic_id = lookup(db, "SELECT id FROM characteristic WHERE name = ?", characteristic);
    int64_t lot_id = lookup(db, "SELECT id FROM lot WHERE code = ?", lot);
    if (rc == SQLITE_OK && (characteristic_id < 0 || lot_id < 0)) rc = SQLITE_NOTFOUND;
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(db, "INSERT INTO sample (characteristic_id, time, mono, value, quality, lot_id, sequence) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?)", -1, &insert, NULL);
    if (rc == SQLITE_OK) rc = sqlite3_prepare_v2(db, "BEGIN IMMEDIATE", -1, &begin, NULL);
    if (rc == SQLITE_OK) rc = sqlite3_prepare_v2(db, "COMMIT", -1, &commit, NULL);
    // One untimed batch first, as the Store's side does: both then run on a warm connection.
    double start = 0;
    for (int64_t done = -batch; rc == SQLITE_OK && done < rows;) {
        if (done == 0) start = now_seconds();
        if (sqlite3_step(begin) != SQLITE_DONE) { rc = sqlite3_errcode(db); break; }
        sqlite3_reset(begin);
        for (int64_t i = 0; i < batch && done < rows; i++, done++) {
            double time = first_time + (double)done * 0.001;
            sqlite3_bind_int64(insert, 1, characteristic_id);
            sqlite3_bind_double(insert, 2, time);
            sqlite3_bind_int64(insert, 3, (int64_t)(time * 1e9));
            sqlite3_bind_double(insert, 4, 78.0 + (double)(done % 13) * 0.01);
            sqlite3_bind_text(insert, 5, "good", 4, SQLITE_STATIC);
            sqlite3_bind_int64(insert, 6, lot_id);
            sqlite3_bind_int64(insert, 7, first_sequence + done);
            if (sqlite3_step(insert) != SQLITE_DONE) { rc = sqlite3_errcode(db); break; }
            sqlite3_reset(insert);
        }
        if (rc != SQLITE_OK) break;
        if (sqlite3_step(commit) != SQLITE_DONE) rc = sqlite3_errcode(db);
        sqlite3_reset(commit);
    }
    *seconds = now_seconds() - start;
    sqlite3_finalize(insert);
    sqlite3_finalize(begin);
    sqlite3_finalize(commit);
    sqlite3_close_v2(db);
    return rc;
}

int lg_store_baseline_durable(const char *path, const char *characteristic, const char *code,
                              int64_t count, double first_time, double *seconds) {
    sqlite3 *db = NULL;
    sqlite3_stmt *insert = NULL;
    int rc = open_like_the_store(path, &db, "PRAGMA synchronous = FULL");
    int64_t characteristic_id = lookup(db, "SELECT id FROM characteristic WHERE name = ?", characteristic);
    if (rc == SQLITE_OK && characteristic_id < 0) rc = SQLITE_NOTFOUND;
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(db, "INSERT INTO defect (detected_at, mono, station, detection, characteristic_id, code, "
                                    "severity, value, lsl, usl, verdict) "
                                    "VALUES (?, ?, 'filling', 'inline', ?, ?, 'major', 76.0, 76.8, 79.2, 'below')",
                                -1, &insert, NULL);
    double start = now_seconds();
    for (int64_t i = 0; rc == SQLITE_OK && i < count; i++) {
        rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
        if (rc != SQLITE_OK) break;
        sqlite3_bind_double(insert, 1, first_time + (double)i);
        sqlite3_bind_int64(insert, 2, (int64_t)i);
        sqlite3_bind_int64(insert, 3, characteristic_id);
        sqlite3_bind_text(insert, 4, code, -1, SQLITE_STATIC);
        if (sqlite3_step(insert) != SQLITE_DONE) { rc = sqlite3_errcode(db); break; }
        sqlite3_reset(insert);
        rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    }
    *seconds = now_seconds() - start;
    sqlite3_finalize(insert);
    sqlite3_close_v2(db);
    return rc;
}
