import LineModel

/// What the writer needs to know about a characteristic to store its samples and defects.
struct CharacteristicInfo: Sendable {
    let rowID: Int64
    let station: String
    let lotKind: LotKind
    let chart: String
    let equipment: String?
}

extension StoreWriter {
    static func loadCharacteristics(_ connection: Connection) throws(StoreError) -> [CharacteristicID: CharacteristicInfo] {
        let rows = try connection.statement("""
            SELECT c.id, c.name, s.name, s.lot_kind, c.chart, c.equipment
            FROM characteristic c JOIN station s ON s.id = c.station_id
            """).rows { row in
            (CharacteristicID(row.string(1)),
             CharacteristicInfo(rowID: row.int64(0), station: row.string(2),
                                lotKind: LotKind(rawValue: row.string(3)) ?? .materialLot,
                                chart: row.string(4), equipment: row.optionalString(5)))
        }
        return Dictionary(rows, uniquingKeysWith: { _, last in last })
    }

    /// The synchronised characteristic named `id`, or a `.notFound` error.
    func characteristic(_ id: CharacteristicID) throws(StoreError) -> CharacteristicInfo {
        guard let info = characteristics[id] else {
            throw StoreError.store(.notFound, "unknown characteristic '\(id)': sync(line:at:) the configuration first")
        }
        return info
    }
}
