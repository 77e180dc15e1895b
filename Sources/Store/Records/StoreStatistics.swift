/// How big the record is: file sizes and row counts per table.
public struct StoreStatistics: Sendable, Hashable, Codable {
    /// page_count * page_size of the main file.
    public var databaseBytes: Int64
    public var freeBytes: Int64
    /// Size of the `-wal` file on disk, 0 when there is none.
    public var walBytes: Int64
    /// Rows per table, by table name.
    public var rows: [String: Int64]
}
