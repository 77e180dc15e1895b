// store-bench: sample ingest through LineGuard's Store (batched writer) against a plain C-API
// insert loop on the same schema in the same run, and the cost of one durable defect commit
// against a bare durable single-row commit. Medians of several repetitions, each on fresh files.
// Usage: store-bench [results.json]
import CStoreBaseline
import Foundation
import LineModel
import Logging
import Store

/// The benchmark's settings and the work it measures.
@main
enum StoreBench {
    static let repetitions = 9
    static let ingestRows = 100_000
    static let batchRows = 500
    static let durableCommits = 60
    static let characteristic = CharacteristicID("filling.fill_weight.n3")
    static let logger = Logger(label: "store-bench", factory: { _ in SwiftLogNoOpLogHandler() })

    static let line = LineDescription(name: "bench", stations: [
        StationDescription(
            name: "filling", lotKind: .cellBatch,
            devices: [DeviceDescription(name: "filler-plc", endpoint: "127.0.0.1:1502", unit: 1)],
            characteristics: [
                CharacteristicDescription(
                    id: characteristic, station: "filling", device: "filler-plc", equipment: "nozzle-3", unit: "g",
                    spec: SpecLimits(lsl: 76.8, usl: 79.2, target: 78), defectCodeLow: "FILL.UNDER", defectCodeHigh: "FILL.OVER",
                    severity: .major, chart: "imr"),
            ]),
    ])

    static func main() async throws {
        let workDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("store-bench-\(getpid())")
        try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)

        // The samples a poller would hand over, built before the clock starts (the caller's work).
        let batches: [[Sample]] = stride(from: 0, to: ingestRows, by: batchRows).map { start in
            (start..<min(start + batchRows, ingestRows)).map { index in
                let time = 1_000 + Double(index) * 0.001
                return Sample(characteristic: characteristic, value: 78 + Double(index % 13) * 0.01, quality: .good,
                              time: SampleTime(wall: time, monotonicNanos: UInt64(time * 1e9)), lot: LotID("FB-1"),
                              sequence: UInt64(index))
            }
        }

        // One untimed batch on each side before the clock starts (a warm connection).
        let warmUp = batches[0].map { sample in
            var sample = sample
            sample.time.wall -= 1_000
            return sample
        }

        var storeRates: [Double] = []
        var cRates: [Double] = []
        var storeDurable: [Double] = []
        var cDurable: [Double] = []
        let clock = ContinuousClock()
        var fileCounter = 0

        for repetition in 0..<repetitions {
            // Alternate the order so that neither side always runs on a warmer cache.
            for side in repetition % 2 == 0 ? ["store", "c"] : ["c", "store"] {
                fileCounter += 1
                let (path, writer) = try await freshDatabase(workDirectory, number: fileCounter)
                if side == "store" {
                    try await writer.append(samples: warmUp)
                    let elapsed = try await clock.measure {
                        for batch in batches { try await writer.append(samples: batch) }
                    }
                    storeRates.append(Double(ingestRows) / seconds(elapsed))
                    await writer.close()
                } else {
                    await writer.close()
                    var elapsed = 0.0
                    let rc = lg_store_baseline_ingest(path, characteristic.rawValue, "FB-1", Int64(ingestRows),
                                                      Int64(batchRows), 1_000, 0, &elapsed)
                    guard rc == 0 else { throw BaselineFailure(what: "C ingest", code: rc) }
                    cRates.append(Double(ingestRows) / elapsed)
                }
            }
            // One durable defect commit: defect + hold of a new lot + status + audit, synchronous=FULL.
            for side in repetition % 2 == 0 ? ["store", "c"] : ["c", "store"] {
                fileCounter += 1
                let (path, writer) = try await freshDatabase(workDirectory, number: fileCounter)
                if side == "store" {
                    let defects = (0..<durableCommits).map { index in
                        Defect(characteristic: characteristic, code: "FILL.UNDER", severity: .major, value: 76,
                               limits: SpecLimits(lsl: 76.8, usl: 79.2, target: 78), verdict: .below, station: "filling",
                               equipment: "nozzle-3", time: SampleTime(wall: 2_000 + Double(index), monotonicNanos: UInt64(index)),
                               lot: LotID("FB-D\(index)"))
                    }
                    let elapsed = try await clock.measure {
                        for defect in defects { _ = try await writer.record(defect: defect, signalID: nil) }
                    }
                    storeDurable.append(seconds(elapsed) / Double(durableCommits) * 1e6)
                    await writer.close()
                } else {
                    await writer.close()
                    var elapsed = 0.0
                    let rc = lg_store_baseline_durable(path, characteristic.rawValue, "FILL.UNDER", Int64(durableCommits),
                                                       2_000, &elapsed)
                    guard rc == 0 else { throw BaselineFailure(what: "C durable commit", code: rc) }
                    cDurable.append(elapsed / Double(durableCommits) * 1e6)
                }
            }
        }

        let ingest = median(storeRates)
        let ingestBaseline = median(cRates)
        let durable = median(storeDurable)
        let durableBaseline = median(cDurable)
        let results = [
            BenchResult(name: "store.ingest", unit: "samples/s", value: ingest, baseline_name: "c.sqlite_insert_loop",
                        baseline_value: ingestBaseline, ratio: ingest / ingestBaseline),
            BenchResult(name: "store.defect_commit", unit: "us/commit", value: durable,
                        baseline_name: "c.sqlite_durable_single_insert", baseline_value: durableBaseline, ratio: durable / durableBaseline),
        ]

        print("store-bench: \(repetitions) repetitions, medians; \(ingestRows) samples in batches of \(batchRows); "
              + "\(durableCommits) durable commits; files in \(workDirectory.path)")
        print("name                  unit          value        baseline     ratio")
        for result in results {
            let row = [
                result.name.padding(toLength: 22, withPad: " ", startingAt: 0),
                result.unit.padding(toLength: 14, withPad: " ", startingAt: 0),
                String(format: "%-12.1f %-12.1f %.3f", result.value, result.baseline_value, result.ratio),
            ]
            print(row.joined())
        }
        print("ingest ratio target >= 0.8 (store/C); defect_commit ratio is store cost over one bare durable insert "
              + "(the store also holds the lot, updates its status and audits, in the same transaction)")

        let output = CommandLine.arguments.count > 1
            ? URL(fileURLWithPath: CommandLine.arguments[1])
            : URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("results/store.json")
        try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(["results": results]).write(to: output)
        print("wrote \(output.path)")
        try? FileManager.default.removeItem(at: workDirectory)
    }
}

/// A fresh database with the Store's schema, the line synchronised and lot `FB-1` started.
func freshDatabase(_ directory: URL, number: Int) async throws -> (path: String, writer: StoreWriter) {
    let path = directory.appendingPathComponent("bench-\(number).sqlite").path
    let writer = try StoreWriter(path: path, logger: StoreBench.logger,
                                 configuration: StoreConfiguration(batchRows: StoreBench.batchRows))
    try await writer.sync(line: StoreBench.line, at: 1)
    try await writer.startLot(LotID("FB-1"), kind: .cellBatch, station: "filling", at: 1)
    return (path, writer)
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

struct BaselineFailure: Error, CustomStringConvertible {
    var what: String
    var code: Int32
    var description: String { "\(what) failed with SQLite code \(code)" }
}

/// One row of `results/<area>.json`.
struct BenchResult: Codable {
    var name: String
    var unit: String
    var value: Double
    var baseline_name: String
    var baseline_value: Double
    var ratio: Double
}

