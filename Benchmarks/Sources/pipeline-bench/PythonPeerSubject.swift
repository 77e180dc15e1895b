import Foundation

/// `peers/python_stack.py`: the same work scripted with pymodbus, numpy and sqlite3.
struct PythonPeerSubject: Subject {
    let python: String
    let script: String
    let commitIntervalMilliseconds: Int
    var name: String { "python_stack" }

    func start(pollInterval: Double, database: String, farm: DeviceFarm, directory: URL) throws -> Process {
        let log = directory.appendingPathComponent("python_stack.out")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [
            script, "--ports", farm.ports.map(String.init).joined(separator: ","),
            "--poll-ms", String(pollInterval * 1000), "--commit-ms", String(commitIntervalMilliseconds), "--db", database,
        ]
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return process
    }

    func summary(of process: Process, database: String, directory: URL) throws -> SubjectSummary {
        let text = (try? String(contentsOf: directory.appendingPathComponent("python_stack.out"), encoding: .utf8)) ?? ""
        struct Totals: Decodable {
            var accepted: Int
            var committed: Int
            var dropped: Int
            var missed: Int
            var read_errors: Int
        }
        guard let line = text.split(separator: "\n").last(where: { $0.hasPrefix("{") }),
            let totals = try? JSONDecoder().decode(Totals.self, from: Data(line.utf8))
        else {
            throw SubjectError(subject: name, message: "no JSON totals on its output (exit \(process.terminationStatus)):\n\(text.suffix(2000))")
        }
        return SubjectSummary(accepted: totals.accepted, committed: totals.committed, dropped: totals.dropped, missedUnits: totals.missed, readErrors: totals.read_errors)
    }
}
