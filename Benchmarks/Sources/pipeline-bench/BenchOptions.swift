import Foundation

/// Command-line options of pipeline-bench (`--name value` pairs; defaults fit `make bench`).
struct BenchOptions {
    /// Benchmarks/ (found from this file's path, so the binary runs from any directory).
    static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    var lineguard = package.appendingPathComponent(".build/release/lineguard").path
    /// A path, or a name looked up on PATH (the python3 that has numpy and pymodbus).
    var python = "python3"
    var peerScript = package.appendingPathComponent("peers/python_stack.py").path
    var output = package.appendingPathComponent("results/pipeline.json").path
    /// The measured window of the final run of each subject.
    var seconds = 60.0
    /// The measured window of each step of the search for the fastest sustained period.
    var trialSeconds = 6.0
    var commitMilliseconds = 250
    /// Unit periods tried, slowest first (milliseconds).
    var ladder: [Double] = [1000, 500, 200, 100, 70, 50, 40, 30, 20, 15, 10, 7, 5]
    var lineguardStart = 70.0
    var peerStart = 100.0
    var skipPeer = false

    init(_ arguments: [String]) throws {
        var i = 1
        while i < arguments.count {
            let key = arguments[i]
            if key == "--skip-peer" {
                skipPeer = true
                i += 1
                continue
            }
            guard i + 1 < arguments.count else { throw SubjectError(subject: "pipeline-bench", message: "\(key) needs a value") }
            let value = arguments[i + 1]
            switch key {
            case "--lineguard": lineguard = value
            case "--python": python = value
            case "--peer": peerScript = value
            case "--output": output = value
            case "--seconds": seconds = try Self.number(key, value)
            case "--trial-seconds": trialSeconds = try Self.number(key, value)
            case "--commit-ms": commitMilliseconds = Int(try Self.number(key, value))
            case "--lineguard-start-ms": lineguardStart = try Self.number(key, value)
            case "--peer-start-ms": peerStart = try Self.number(key, value)
            case "--ladder":
                ladder = try value.split(separator: ",").map { try Self.number(key, String($0)) }.sorted(by: >)
            default:
                throw SubjectError(
                    subject: "pipeline-bench",
                    message: "unknown option \(key) (known: --lineguard --python --peer --output --seconds --trial-seconds "
                        + "--commit-ms --ladder --lineguard-start-ms --peer-start-ms --skip-peer)")
            }
            i += 2
        }
        if !python.contains("/") {
            let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
            guard let found = directories.map({ "\($0)/\(python)" }).first(where: FileManager.default.isExecutableFile(atPath:)) else {
                throw SubjectError(subject: "pipeline-bench", message: "no \(python) on PATH (--python PATH)")
            }
            python = found
        }
    }

    private static func number(_ key: String, _ value: String) throws -> Double {
        guard let number = Double(value), number > 0 else {
            throw SubjectError(subject: "pipeline-bench", message: "\(key) expects a positive number, got \(value)")
        }
        return number
    }
}
