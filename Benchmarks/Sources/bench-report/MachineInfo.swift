import Foundation

/// The machine block of latest.json: what the figures were measured on.
struct MachineInfo: Encodable {
    var cores: Int
    var model: String
    var memory_gib: Double
    var kernel: String
    var os: String
    var swift: String
    var python: String
    var load_average: [Double]
    var date: String

    /// Reads /proc, /etc/os-release and the toolchains' version lines.
    static func current() -> MachineInfo {
        let cpuinfo = read("/proc/cpuinfo")
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" } ?? "unknown"
        let memoryKiB = read("/proc/meminfo").split(separator: "\n").first { $0.hasPrefix("MemTotal:") }
            .flatMap { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first }.flatMap { Double($0) } ?? 0
        let os = read("/etc/os-release").split(separator: "\n").first { $0.hasPrefix("PRETTY_NAME=") }
            .map { $0.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) } ?? "unknown"
        let load = read("/proc/loadavg").split(separator: " ").prefix(3).compactMap { Double($0) }
        let formatter = ISO8601DateFormatter()
        return MachineInfo(
            cores: ProcessInfo.processInfo.activeProcessorCount, model: model,
            memory_gib: (memoryKiB / 1_048_576 * 10).rounded() / 10,
            kernel: read("/proc/sys/kernel/osrelease").trimmingCharacters(in: .whitespacesAndNewlines), os: os,
            swift: firstLine(of: ["swift", "--version"]), python: firstLine(of: ["python3", "--version"]),
            load_average: load, date: formatter.string(from: Date()))
    }

    private static func read(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    /// The first non-empty line a command prints (stdout and stderr), or "unknown".
    private static func firstLine(of command: [String]) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        guard (try? process.run()) != nil else { return "unknown" }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "unknown"
    }
}
