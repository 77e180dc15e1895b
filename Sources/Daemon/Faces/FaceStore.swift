import Foundation
import LineModel
public import Store

/// The read side of the faces: one read-only connection to the record and the queries the
/// read commands and the dashboard share. Works while the daemon writes (WAL) and when it is
/// stopped.
public struct FaceStore: Sendable {
    public let reader: StoreReader
    public let databasePath: String

    /// Opens the database read-only; a missing or unreadable file is `FaceError.Kind.cannotRead`.
    public init(databasePath: String) throws(FaceError) {
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw FaceError(.cannotRead, "cannot read \(databasePath): no such file")
        }
        do {
            reader = try StoreReader(path: databasePath)
        } catch {
            throw FaceError(.cannotRead, "cannot read \(databasePath): \(error)")
        }
        self.databasePath = databasePath
    }

    /// Runs a store query; a store failure is `cannotRead`.
    func read<T>(_ body: () throws -> T) throws(FaceError) -> T {
        do {
            return try body()
        } catch let error as FaceError {
            throw error
        } catch {
            throw FaceError(.cannotRead, "cannot read \(databasePath): \(error)")
        }
    }

    /// The configured characteristics with their station, unit and limits, in line order.
    public func characteristics() throws(FaceError) -> [CharacteristicStatus] {
        try read { try reader.status(recentDefects: 0).characteristics }
    }

    /// One characteristic, or `notFound` naming the known ones.
    public func characteristic(_ id: String) throws(FaceError) -> CharacteristicStatus {
        let all = try characteristics()
        guard let found = all.first(where: { $0.id == id }) else {
            let known = all.map(\.id).prefix(12).joined(separator: ", ")
            throw FaceError(.notFound, "no characteristic '\(FaceText.clean(id))' in \(databasePath); known: \(known)")
        }
        return found
    }

    /// One lot, or `notFound`.
    public func lot(_ id: String) throws(FaceError) -> LotRecord {
        guard let lot = try read({ try reader.lot(LotID(id)) }) else {
            throw FaceError(.notFound, "no lot '\(FaceText.clean(id))' in \(databasePath)")
        }
        return lot
    }

    /// The wall clock now (seconds since the epoch).
    public static func now() -> Double { Date().timeIntervalSince1970 }
}
