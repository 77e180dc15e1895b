import Foundation
import LineModel
import Logging
import Testing
@testable import Store

/// The writing child of the crash test. The parent (`CrashTests`) runs this test binary again
/// with `--filter CrashChild` and the variables below set; the child writes samples, defects,
/// holds and dispositions until it is killed, appending one line to the report file after each
/// commit returns: `S <first sequence> <count>`, `D <defect id> <hold id> <lot>`, `H <hold id>`,
/// `P <lot>`. In an ordinary test run the variables are unset and the test is skipped.
@Suite struct CrashChild {
    static let databaseVariable = "LINEGUARD_STORE_CRASH_DATABASE"
    static let reportVariable = "LINEGUARD_STORE_CRASH_REPORT"
    static let runVariable = "LINEGUARD_STORE_CRASH_RUN"
    static let batchSize = 50

    static var isChild: Bool { ProcessInfo.processInfo.environment[databaseVariable] != nil }

    /// The first sample sequence number of a batch: unique across runs.
    static func sequence(run: Int, batch: Int) -> UInt64 { UInt64(run) << 32 | UInt64(batch) << 8 }

    @Test(.enabled(if: isChild, "only as the crash test's child process"))
    func writeUntilKilled() async throws {
        let environment = ProcessInfo.processInfo.environment
        let path = try #require(environment[Self.databaseVariable])
        let reportPath = try #require(environment[Self.reportVariable])
        let run = try #require(environment[Self.runVariable].flatMap { Int($0) })
        let writer = try StoreWriter(path: path, logger: Fixtures.logger)
        try await writer.sync(line: Fixtures.line(), at: 1)
        let report = open(reportPath, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        try #require(report >= 0)
        func say(_ line: String) {
            let bytes = Array((line + "\n").utf8)
            _ = bytes.withUnsafeBytes { write(report, $0.baseAddress, $0.count) }
        }
        say("R")
        var batch = 0
        while true {
            batch += 1
            let first = Self.sequence(run: run, batch: batch)
            let lot = "RUN\(run)-FB\(batch / 4)"
            let samples = (0..<Self.batchSize).map { index in
                Sample(characteristic: Fixtures.fillWeight, value: 78 + Double(index % 7) / 10, quality: .good,
                       time: Fixtures.time(Double(run) * 10_000 + Double(batch)), lot: LotID(lot),
                       sequence: first + UInt64(index))
            }
            try await writer.append(samples: samples)
            say("S \(first) \(Self.batchSize)")
            if batch % 3 == 0 {
                let outcome = try await writer.record(
                    defect: Fixtures.fillDefect(value: 76.0, at: Double(run) * 10_000 + Double(batch), lot: lot), signalID: nil)
                say("D \(outcome.defectID) \(outcome.holdID ?? 0) \(lot)")
                if batch % 2 == 0 {
                    try await writer.apply(.dispose(.useAsIs(concession: "C-\(run)-\(batch)")), to: LotID(lot),
                                           actor: "mrb.child", note: nil, at: Double(batch))
                    say("P \(lot)")
                }
            }
            if batch % 5 == 0, let hold = try await writer.hold(
                lot: LotID(lot), trigger: .manual, reason: "check \(batch)", actor: "sup.child", at: Double(batch)) {
                say("H \(hold)")
            }
        }
    }
}
