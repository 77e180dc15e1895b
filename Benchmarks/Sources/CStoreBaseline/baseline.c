#include "CStoreBaseline.h"
#include <sqlite3.h>
#include <stddef.h>
#include <stdlib.h>

struct lg_store_baseline {
    sqlite3 *db;
    sqlite3_stmt *insert_sample;
    sqlite3_stmt *insert_defect;
    sqlite3_stmt *begin;
    sqlite3_stmt *commit;
    int64_t characteristic_id;
    int64_t lot_id;
};

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

lg_store_baseline *lg_store_baseline_open(const char *path, const char *characteristic, const char *lot, int *rc) {
    lg_store_baseline *b = calloc(1, sizeof *b);
    if (b == NULL) { *rc = SQLITE_NOMEM; return NULL; }
    *rc = sqlite3_open_v2(path, &b->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
    if (*rc == SQLITE_OK) {
        sqlite3_busy_timeout(b->db, 5000);
        *rc = sqlite3_exec(b->db, "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL",
                           NULL, NULL, NULL);
    }
    if (*rc == SQLITE_OK) {
        b->characteristic_id = lookup(b->db, "SELECT id FROM characteristic WHERE name = ?", characteristic);
        b->lot_id = lookup(b->db, "SELECT id FROM lot WHERE code = ?", lot);
        if (b->characteristic_id < 0 || b->lot_id < 0) *rc = SQLITE_NOTFOUND;
    }
    if (*rc == SQLITE_OK)
        *rc = sqlite3_prepare_v2(b->db, "INSERT INTO sample (characteristic_id, time, mono, value, quality, lot_id, sequence) "
                                        "VALUES (?, ?, ?, ?, ?, ?, ?)", -1, &b->insert_sample, NULL);
    if (*rc == SQLITE_OK)
        *rc = sqlite3_prepare_v2(b->db, "INSERT INTO defect (detected_at, mono, station, detection, characteristic_id, code, "
                                        "severity, value, lsl, usl, verdict, lot_id) "
                                        "VALUES (?, ?, 'filling', 'inline', ?, 'FILL.UNDER', 'major', 76.0, 76.8, 79.2, "
                                        "'below', ?)", -1, &b->insert_defect, NULL);
    if (*rc == SQLITE_OK) *rc = sqlite3_prepare_v2(b->db, "BEGIN IMMEDIATE", -1, &b->begin, NULL);
    if (*rc == SQLITE_OK) *rc = sqlite3_prepare_v2(b->db, "COMMIT", -1, &b->commit, NULL);
    if (*rc != SQLITE_OK) {
        lg_store_baseline_close(b);
        return NULL;
    }
    return b;
}

static int run(lg_store_baseline *b, sqlite3_stmt *statement) {
    int rc = sqlite3_step(statement) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(b->db);
    sqlite3_reset(statement);
    return rc;
}

int lg_store_baseline_ingest(lg_store_baseline *b, int64_t rows, int64_t batch, double first_time,
                             int64_t first_sequence) {
    int rc = SQLITE_OK;
    for (int64_t done = 0; rc == SQLITE_OK && done < rows;) {
        rc = run(b, b->begin);
        for (int64_t i = 0; rc == SQLITE_OK && i < batch && done < rows; i++, done++) {
            double time = first_time + (double)done * 0.001;
            sqlite3_bind_int64(b->insert_sample, 1, b->characteristic_id);
            sqlite3_bind_double(b->insert_sample, 2, time);
            sqlite3_bind_int64(b->insert_sample, 3, (int64_t)(time * 1e9));
            sqlite3_bind_double(b->insert_sample, 4, 78.0 + (double)(done % 13) * 0.01);
            sqlite3_bind_text(b->insert_sample, 5, "good", 4, SQLITE_STATIC);
            sqlite3_bind_int64(b->insert_sample, 6, b->lot_id);
            sqlite3_bind_int64(b->insert_sample, 7, first_sequence + done);
            rc = run(b, b->insert_sample);
        }
        if (rc == SQLITE_OK) rc = run(b, b->commit);
    }
    return rc;
}

int lg_store_baseline_durable(lg_store_baseline *b, int64_t count, double first_time) {
    int rc = sqlite3_exec(b->db, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
    for (int64_t i = 0; rc == SQLITE_OK && i < count; i++) {
        rc = run(b, b->begin);
        if (rc != SQLITE_OK) break;
        sqlite3_bind_double(b->insert_defect, 1, first_time + (double)i);
        sqlite3_bind_int64(b->insert_defect, 2, i);
        sqlite3_bind_int64(b->insert_defect, 3, b->characteristic_id);
        sqlite3_bind_int64(b->insert_defect, 4, b->lot_id);
        rc = run(b, b->insert_defect);
        if (rc == SQLITE_OK) rc = run(b, b->commit);
    }
    int restore = sqlite3_exec(b->db, "PRAGMA synchronous = NORMAL", NULL, NULL, NULL);
    return rc != SQLITE_OK ? rc : restore;
}

void lg_store_baseline_close(lg_store_baseline *b) {
    if (b == NULL) return;
    sqlite3_finalize(b->insert_sample);
    sqlite3_finalize(b->insert_defect);
    sqlite3_finalize(b->begin);
    sqlite3_finalize(b->commit);
    sqlite3_close_v2(b->db);
    free(b);
}
