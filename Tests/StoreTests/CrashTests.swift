import Foundation
import LineModel
import Testing
@testable import Store

/// A child process writing samples, defects, holds and dispositions is killed with SIGKILL at
/// random moments, 50 times, on the same file. After each kill the file passes
/// `PRAGMA integrity_check` and holds every record the child reported as committed. While the
/// child writes, this process reads the file (a reader process during writes).
@Suite struct CrashTests {
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let kills = 50

    @Test(.enabled(if: !CrashChild.isChild))
    func killedWriterLosesNothingItReportedCommitted() async throws {
        let database = try TemporaryDatabase()
        let reportPath = database.directory.appendingPathComponent("report.txt").path
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var random = SplitMix64(state: 0x11FE_6A2D)
        var totals = (samples: 0, defects: 0, holds: 0, dispositions: 0)
        for run in 1...Self.kills {
            try? FileManager.default.removeItem(atPath: reportPath)
            let child = Process()
            child.executableURL = executable
            child.arguments = ["--testing-library", "swift-testing", "--filter", "CrashChild"]
            var environment = ProcessInfo.processInfo.environment
            environment[CrashChild.databaseVariable] = database.path
            environment[CrashChild.reportVariable] = reportPath
            environment[CrashChild.runVariable] = "\(run)"
            child.environment = environment
            child.standardOutput = FileHandle.nullDevice
            child.standardError = FileHandle.nullDevice
            try child.run()

            // Wait until the child has committed something, read while it writes, then kill it.
            var waited = 0
            while Self.reportLines(reportPath).filter({ $0.hasPrefix("S ") }).isEmpty, waited < 20_000, child.isRunning {
                try await Task.sleep(for: .milliseconds(1))
                waited += 1
            }
            #expect(child.isRunning, "run \(run): the child stopped on its own")
            let during = try StoreReader(path: database.path)
            #expect(try during.status().characteristics.count == 3)
            during.close()
            try await Task.sleep(for: .milliseconds(Int.random(in: 0...40, using: &random)))
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            #expect(child.terminationReason == .uncaughtSignal && child.terminationStatus == SIGKILL)

            let counted = try Self.verify(database.path, report: Self.reportLines(reportPath), run: run)
            totals.samples += counted.samples
            totals.defects += counted.defects
            totals.holds += counted.holds
            totals.dispositions += counted.dispositions
        }
        #expect(totals.samples > 0 && totals.defects > 0 && totals.holds > 0 && totals.dispositions > 0)
        print("crash test: \(Self.kills) SIGKILLs, integrity ok, verified \(totals.samples) samples, \(totals.defects) defects, "
              + "\(totals.holds) holds, \(totals.dispositions) dispositions")
    }

    /// The complete lines of the report (a line cut by the kill is ignored: it was not reported).
    static func reportLines(_ path: String) -> [String] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else { return [] }
        var lines = text.components(separatedBy: "\n")
        lines.removeLast()
        return lines
    }

    static func verify(_ path: String, report: [String], run: Int) throws -> (samples: Int, defects: Int, holds: Int, dispositions: Int) {
        let connection = try Connection(path: path, readOnly: true)
        defer { connection.close() }
        #expect(try connection.statement("PRAGMA integrity_check").rows { $0.string(0) } == ["ok"], "run \(run)")
        #expect(try connection.statement("PRAGMA foreign_key_check").rows { $0.string(0) }.isEmpty, "run \(run)")
        let low = Int64(bitPattern: CrashChild.sequence(run: run, batch: 0))
        let high = Int64(bitPattern: CrashChild.sequence(run: run + 1, batch: 0))
        let stored = Set(try connection.statement("SELECT sequence FROM sample WHERE sequence >= ? AND sequence < ?")
            .rows(low, high) { $0.int64(0) })
        var counts = (samples: 0, defects: 0, holds: 0, dispositions: 0)
        for line in report {
            let fields = line.split(separator: " ").map(String.init)
            switch fields.first {
            case "S":
                let first = try #require(Int64(fields[1]))
                let count = try #require(Int64(fields[2]))
                let missing = (first..<(first + count)).filter { !stored.contains($0) }
                #expect(missing.isEmpty, "run \(run): committed samples missing: \(missing.count)")
                counts.samples += Int(count)
            case "D":
                let hold = try connection.scalar("SELECT hold_id FROM defect WHERE id = ?", try #require(Int64(fields[1])))
                #expect(hold == Int64(fields[2]), "run \(run): defect \(fields[1]) or its hold missing")
                let held = try connection.scalar("SELECT count(*) FROM hold WHERE id = ?", Int64(fields[2]) ?? -1)
                #expect(held == 1, "run \(run): hold \(fields[2]) missing")
                counts.defects += 1
            case "H":
                let held = try connection.scalar("SELECT count(*) FROM hold WHERE id = ?", try #require(Int64(fields[1])))
                #expect(held == 1, "run \(run): hold \(fields[1]) missing")
                counts.holds += 1
            case "P":
                let decided = try connection.scalar("""
                    SELECT count(*) FROM disposition d JOIN lot l ON l.id = d.lot_id WHERE l.code = ? AND d.decided_by = 'mrb.child'
                    """, fields[1])
                #expect((decided ?? 0) >= 1, "run \(run): disposition of \(fields[1]) missing")
                counts.dispositions += 1
            default:
                break
            }
        }
        return counts
    }
}
