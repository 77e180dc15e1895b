extension Migration {
    /// Version 2 (frozen): subgroup statistics, signal acknowledgement (assignable cause and
    /// corrective action) and the opaque streaming-SPC state kept for restarts.
    static let v2StatisticalState = Migration(version: 2, name: "statistical_state", sql: """
        CREATE TABLE subgroup (
            id INTEGER PRIMARY KEY,
            characteristic_id INTEGER NOT NULL REFERENCES characteristic(id),
            time_from REAL NOT NULL,
            time_to REAL NOT NULL,
            n INTEGER NOT NULL CHECK (n > 0),
            mean REAL NOT NULL,
            range REAL,
            sd REAL,
            minimum REAL,
            maximum REAL,
            lot_id INTEGER REFERENCES lot(id),
            CHECK (time_from <= time_to)
        );
        CREATE INDEX subgroup_characteristic_time ON subgroup(characteristic_id, time_to);
        ALTER TABLE sample ADD COLUMN subgroup_id INTEGER REFERENCES subgroup(id);
        ALTER TABLE signal ADD COLUMN acknowledged_at REAL;
        ALTER TABLE signal ADD COLUMN acknowledged_by TEXT;
        ALTER TABLE signal ADD COLUMN assignable_cause TEXT;
        ALTER TABLE signal ADD COLUMN corrective_action TEXT;
        CREATE INDEX signal_open ON signal(characteristic_id) WHERE acknowledged_at IS NULL;
        CREATE TABLE monitor_state (
            characteristic_id INTEGER PRIMARY KEY REFERENCES characteristic(id),
            state BLOB NOT NULL,
            saved_at REAL NOT NULL
        );
        """)
}
