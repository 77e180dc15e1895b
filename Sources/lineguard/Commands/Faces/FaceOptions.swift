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

/// How a read command ends: output on stdout; a `FaceError` as "lineguard NAME: message" on
/// stderr with its exit status (1 cannot read, 2 bad arguments, 5 not found).
enum FaceRun {
    static func run(_ name: String, _ body: () throws(FaceError) -> String) throws {
        do throws(FaceError) {
            let output = try body()
            FileHandle.standardOutput.write(Data((output.hasSuffix("\n") || output.isEmpty ? output : output + "\n").utf8))
        } catch {
            FileHandle.standardError.write(Data("lineguard \(name): \(error.message)\n".utf8))
            throw ExitCode(error.exitCode)
        }
    }

    /// Parses an optional time option.
    static func time(_ text: String?, option: String) throws(FaceError) -> Double? {
        guard let text else { return nil }
        return try FaceTime.parse(text, now: FaceStore.now(), option: option)
    }
}

/// The filters of `signals`, `defects` and `export`.
struct EventFilterOptions: ParsableArguments {
    @Option(name: .long, help: "Only this station.") var station: String?
    @Option(name: .long, help: "Only this characteristic (e.g. filling.fill_weight.n3).") var characteristic: String?
    @Option(name: .long, help: "Only this lot.") var lot: String?
    @Option(name: .long, help: "From this time: 2026-11-29T10:00:00Z, 2026-11-29, 15m, 2h, 7d or epoch seconds.")
    var since: String?
    @Option(name: .long, help: "Up to this time (same forms as --since).") var until: String?
    @Option(name: .long, help: "At most this many rows (the newest).") var limit: Int = 1_000

    func filter(openOnly: Bool = false) throws(FaceError) -> EventFilter {
        EventFilter(
            station: station, characteristic: characteristic, lot: lot, since: try FaceRun.time(since, option: "--since"),
            until: try FaceRun.time(until, option: "--until"), openOnly: openOnly, limit: limit)
    }
}

/// Which samples a chart or capability study takes.
struct WindowOptions: ParsableArguments {
    @Option(name: .long, help: "From this time: 2026-11-29T10:00:00Z, 2026-11-29, 15m, 2h, 7d or epoch seconds.")
    var since: String?
    @Option(name: .long, help: "Up to this time (same forms as --since).") var until: String?
    @Option(name: .long, help: "Only the samples of this lot.") var lot: String?
    @Option(name: .long, help: "At most this many samples (the most recent).") var limit: Int?

    func window(defaultLimit: Int) throws(FaceError) -> SampleWindow {
        try SampleWindow(
            since: try FaceRun.time(since, option: "--since"), until: try FaceRun.time(until, option: "--until"), lot: lot,
            limit: limit ?? defaultLimit
        ).validated()
    }
}
