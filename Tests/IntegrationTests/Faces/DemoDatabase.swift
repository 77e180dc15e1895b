import Foundation

/// One database from a real simulator run (`lineguard demo`), made once per test process and
/// shared by the faces and dashboard suites: it holds lots, samples, signals, defects and a
/// lot on hold.
enum DemoDatabase {
    struct Made: Sendable {
        var directory: String
        var path: String
        /// A lot on hold in the record.
        var heldLot: String
        /// The characteristic the demo's nozzle step hits.
        var stepped: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The database, or why the demo could not make it.
    static let shared: Result<Made, Failure> = {
        // One directory per run under a common parent; runs older than an hour are removed
        // here (the process has no hook to remove its own at exit).
        let parent = NSTemporaryDirectory() + "lineguard-faces-tests"
        let files = FileManager.default
        for name in (try? files.contentsOfDirectory(atPath: parent)) ?? [] {
            let old = parent + "/" + name
            if let modified = (try? files.attributesOfItem(atPath: old))?[.modificationDate] as? Date,
                modified.timeIntervalSinceNow < -3_600
            {
                try? files.removeItem(atPath: old)
            }
        }
        let directory = parent + "/" + UUID().uuidString
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let run = try LineGuardProcess.run(["demo", "--filling", "--directory", directory])
            let path = directory + "/lineguard-demo.sqlite"
            guard run.status == 0, FileManager.default.fileExists(atPath: path) else {
                return .failure(Failure(description: "lineguard demo failed (\(run.status)):\n\(run.stderr.suffix(2000))"))
            }
            let lots = try LineGuardProcess.run(["lots", "--db", path, "--status", "on_hold", "--format", "json"])
            guard let rows = try JSONSerialization.jsonObject(with: Data(lots.stdout.utf8)) as? [[String: Any]],
                let held = rows.first?["lot"] as? String
            else {
                return .failure(Failure(description: "the demo record has no lot on hold:\n\(lots.stdout)\n\(lots.stderr)"))
            }
            return .success(Made(directory: directory, path: path, heldLot: held, stepped: "filling.fill_weight.n3"))
        } catch {
            return .failure(Failure(description: "cannot run lineguard demo: \(error)"))
        }
    }()

    static func get() throws -> Made { try shared.get() }
}

/// Runs `lineguard ARGUMENTS --db DEMO`.
func lineguard(_ arguments: [String], database: String) throws -> (status: Int32, stdout: String, stderr: String) {
    try LineGuardProcess.run(arguments + ["--db", database])
}

/// Parses JSON output.
func jsonObject(_ text: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(text.utf8))
}
