import ArgumentParser
import Daemon
import Foundation

/// Options of every read command: the database, and the output format.
struct FaceOptions: ParsableArguments {
    @Option(name: .long, help: "The SQLite database the daemon writes (default: $LINEGUARD_DB).")
    var db: String?

    @Option(name: .long, help: "Output format: text, json or csv.")
    var format: String = "text"

    /// The database path, or exit 2 when none was given.
    func databasePath() throws(FaceError) -> String { try Self.databasePath(db) }

    /// The format, or exit 2 for an unknown one. `allowed` narrows the choice for commands
    /// whose data has no table form.
    func resolvedFormat(allowed: [FaceFormat] = FaceFormat.allCases) throws(FaceError) -> FaceFormat {
        try Self.format(format, allowed: allowed)
    }

    static func databasePath(_ db: String?) throws(FaceError) -> String {
        if let db, !db.isEmpty { return db }
        if let path = ProcessInfo.processInfo.environment["LINEGUARD_DB"], !path.isEmpty { return path }
        throw FaceError(.badArgument, "no database: give --db PATH or set LINEGUARD_DB")
    }

    static func format(_ text: String, allowed: [FaceFormat]) throws(FaceError) -> FaceFormat {
        guard let format = FaceFormat(rawValue: text.lowercased()), allowed.contains(format) else {
            throw FaceError(.badArgument, "--format '\(text)' is not one of \(allowed.map(\.rawValue).joined(separator: ", "))")
        }
        return format
    }

    func store() throws(FaceError) -> FaceStore { try FaceStore(databasePath: try databasePath()) }
}
