extension Migration {
    /// Version 1 (frozen): configuration, lots and genealogy, samples, signals, the
    /// nonconformance record, holds, dispositions, data-quality events and the audit log.
    static let v1Record = Migration(version: 1, name: "record", sql: """
        CREATE TABLE line (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            synced_at REAL NOT NULL
        );
        CREATE TABLE station (
            id INTEGER PRIMARY KEY,
            line_id INTEGER NOT NULL REFERENCES line(id),
            name TEXT NOT NULL UNIQUE,
            lot_kind TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1
        );
        CREATE TABLE device (
            id INTEGER PRIMARY KEY,
            station_id INTEGER NOT NULL REFERENCES station(id),
            name TEXT NOT NULL UNIQUE,
            endpoint TEXT NOT NULL,
            unit INTEGER NOT NULL,
            state TEXT NOT NULL DEFAULT 'unknown',
            last_poll REAL,
            round_trip_s REAL,
            active INTEGER NOT NULL DEFAULT 1
        );
        -- The plant's defect-code taxonomy, STATION.PROBLEM (COAT.WEIGHT_HIGH, SLIT.BURR, ...).
        CREATE TABLE defect_code (
            code TEXT PRIMARY KEY,
            station TEXT NOT NULL,
            severity TEXT NOT NULL CHECK (severity IN ('critical', 'major', 'minor')),
            description TEXT NOT NULL DEFAULT '',
            created_at REAL NOT NULL
        );
        CREATE TABLE characteristic (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            station_id INTEGER NOT NULL REFERENCES station(id),
            device_id INTEGER REFERENCES device(id),
            equipment TEXT,
            unit TEXT NOT NULL,
            defect_code_low TEXT NOT NULL REFERENCES defect_code(code),
            defect_code_high TEXT NOT NULL REFERENCES defect_code(code),
            severity TEXT NOT NULL CHECK (severity IN ('critical', 'major', 'minor')),
            chart TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX characteristic_equipment ON characteristic(equipment);
        -- Specification limits, versioned by validity time; the open version has valid_to NULL.
        CREATE TABLE spec_limit (
            id INTEGER PRIMARY KEY,
            characteristic_id INTEGER NOT NULL REFERENCES characteristic(id),
            lsl REAL,
            usl REAL,
            target REAL,
            valid_from REAL NOT NULL,
            valid_to REAL,
            CHECK (lsl IS NULL OR usl IS NULL OR lsl <= usl)
        );
        CREATE INDEX spec_limit_characteristic ON spec_limit(characteristic_id, valid_from);
        -- Control-limit versions (Phase I result, approved, frozen for Phase II).
        CREATE TABLE control_limit (
            id INTEGER PRIMARY KEY,
            characteristic_id INTEGER NOT NULL REFERENCES characteristic(id),
            statistic TEXT NOT NULL,
            center REAL NOT NULL,
            sigma REAL NOT NULL,
            lcl REAL,
            ucl REAL,
            estimator TEXT NOT NULL,
            phase1_count INTEGER NOT NULL,
            excluded TEXT NOT NULL DEFAULT '',
            computed_at REAL NOT NULL,
            approved_by TEXT,
            approved_at REAL,
            superseded_at REAL
        );
        CREATE INDEX control_limit_characteristic ON control_limit(characteristic_id, statistic, id);
        CREATE TABLE lot (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL CHECK (kind IN ('material_lot', 'slurry_batch', 'coated_roll',
                'calendered_roll', 'slit_reel', 'oven_batch', 'cell_batch', 'aging_lot', 'cell', 'module')),
            station TEXT,
            started_at REAL NOT NULL,
            ended_at REAL,
            status TEXT NOT NULL DEFAULT 'released' CHECK (status IN ('released', 'on_hold',
                'quarantined', 'rework', 'regraded', 'scrapped', 'returned_to_vendor')),
            grade TEXT,
            status_changed_at REAL
        );
        CREATE INDEX lot_status ON lot(status);
        CREATE INDEX lot_started ON lot(started_at);
        -- Genealogy: parent -> child, with the consumed window of the parent (metres) and quantity.
        CREATE TABLE genealogy (
            parent_id INTEGER NOT NULL REFERENCES lot(id),
            child_id INTEGER NOT NULL REFERENCES lot(id),
            from_m REAL,
            to_m REAL,
            quantity REAL,
            linked_at REAL NOT NULL,
            PRIMARY KEY (parent_id, child_id),
            CHECK (parent_id <> child_id),
            CHECK (from_m IS NULL OR to_m IS NULL OR from_m <= to_m)
        ) WITHOUT ROWID;
        CREATE INDEX genealogy_child ON genealogy(child_id, parent_id);
        -- Raw samples: pruned by retention; value NULL when it was not a number.
        CREATE TABLE sample (
            id INTEGER PRIMARY KEY,
            characteristic_id INTEGER NOT NULL REFERENCES characteristic(id),
            time REAL NOT NULL,
            mono INTEGER NOT NULL,
            value REAL,
            quality TEXT NOT NULL,
            lot_id INTEGER REFERENCES lot(id),
            sequence INTEGER
        );
        CREATE INDEX sample_characteristic_time ON sample(characteristic_id, time);
        CREATE TABLE signal (
            id INTEGER PRIMARY KEY,
            characteristic_id INTEGER NOT NULL REFERENCES characteristic(id),
            chart TEXT NOT NULL,
            statistic TEXT NOT NULL,
            rule_set TEXT NOT NULL,
            rule INTEGER NOT NULL,
            value REAL,
            lcl REAL,
            ucl REAL,
            time REAL NOT NULL,
            mono INTEGER NOT NULL,
            lot_id INTEGER REFERENCES lot(id),
            sequence INTEGER,
            points TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX signal_time ON signal(time);
        CREATE TABLE disposition (
            id INTEGER PRIMARY KEY,
            lot_id INTEGER NOT NULL REFERENCES lot(id),
            decision TEXT NOT NULL CHECK (decision IN ('release', 'use-as-is', 'rework', 'regrade',
                'scrap', 'return-to-vendor')),
            concession TEXT,
            grade TEXT,
            decided_by TEXT NOT NULL,
            decided_at REAL NOT NULL,
            note TEXT,
            CHECK (decision <> 'use-as-is' OR length(concession) > 0),
            CHECK (decision <> 'regrade' OR length(grade) > 0)
        );
        CREATE INDEX disposition_lot ON disposition(lot_id);
        -- Holds: one open record per (lot, cause); scope 'lot' or 'window' (metres of the lot).
        CREATE TABLE hold (
            id INTEGER PRIMARY KEY,
            lot_id INTEGER NOT NULL REFERENCES lot(id),
            trigger TEXT NOT NULL CHECK (trigger IN ('spec_failure', 'spc_signal', 'upstream_hold',
                'sibling', 'time_window', 'manual')),
            cause TEXT NOT NULL,
            reason TEXT NOT NULL,
            scope TEXT NOT NULL CHECK (scope IN ('lot', 'window')),
            from_m REAL,
            to_m REAL,
            source_hold_id INTEGER REFERENCES hold(id),
            placed_by TEXT NOT NULL,
            placed_at REAL NOT NULL,
            expected_release REAL,
            released_at REAL,
            released_by TEXT,
            disposition_id INTEGER REFERENCES disposition(id)
        );
        CREATE UNIQUE INDEX hold_open_cause ON hold(lot_id, cause) WHERE released_at IS NULL;
        CREATE INDEX hold_lot ON hold(lot_id);
        -- Nonconformance records.
        CREATE TABLE defect (
            id INTEGER PRIMARY KEY,
            detected_at REAL NOT NULL,
            mono INTEGER NOT NULL,
            station TEXT NOT NULL,
            equipment TEXT,
            detection TEXT NOT NULL CHECK (detection IN ('inline', 'sample', 'lab', 'end_of_line')),
            characteristic_id INTEGER NOT NULL REFERENCES characteristic(id),
            code TEXT NOT NULL REFERENCES defect_code(code),
            severity TEXT NOT NULL CHECK (severity IN ('critical', 'major', 'minor')),
            value REAL,
            lsl REAL,
            usl REAL,
            verdict TEXT NOT NULL CHECK (verdict IN ('below', 'above', 'within')),
            lot_id INTEGER REFERENCES lot(id),
            unit_sequence INTEGER,
            signal_id INTEGER REFERENCES signal(id),
            hold_id INTEGER REFERENCES hold(id),
            disposition_id INTEGER REFERENCES disposition(id),
            root_cause TEXT,
            corrective_action TEXT,
            closed_by TEXT,
            closed_at REAL
        );
        CREATE INDEX defect_lot ON defect(lot_id);
        CREATE INDEX defect_time ON defect(detected_at);
        CREATE TABLE data_quality_event (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            device TEXT NOT NULL,
            characteristic TEXT,
            detail TEXT NOT NULL,
            time REAL NOT NULL,
            mono INTEGER NOT NULL
        );
        CREATE INDEX data_quality_event_time ON data_quality_event(time);
        -- Every state change, with who made it.
        CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            at REAL NOT NULL,
            actor TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id INTEGER,
            lot_id INTEGER REFERENCES lot(id),
            action TEXT NOT NULL,
            from_state TEXT,
            to_state TEXT,
            detail TEXT
        );
        CREATE INDEX audit_lot ON audit(lot_id);
        CREATE INDEX audit_entity ON audit(entity, entity_id);
        """)
}
