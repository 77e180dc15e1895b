extension Migration {
    /// Version 3 (frozen): which lots went through which equipment when (a filling nozzle, a
    /// knife set, a welder), the basis of sibling holds.
    static let v3EquipmentUse = Migration(version: 3, name: "equipment_use", sql: """
        CREATE TABLE equipment_use (
            equipment TEXT NOT NULL,
            used_at REAL NOT NULL,
            lot_id INTEGER NOT NULL REFERENCES lot(id),
            station TEXT,
            PRIMARY KEY (equipment, used_at, lot_id)
        ) WITHOUT ROWID;
        CREATE INDEX equipment_use_lot ON equipment_use(lot_id);
        """)
}
