// store-bench: sample ingest through LineGuard's Store against a plain C-API insert loop on
// the same schema, and the cost of one durable defect commit against a bare durable single-row
// commit. All sides run in the same process, each on a fresh file made by the Store, in short
// blocks that rotate between the sides, so that all see the same machine load. Reports medians
// over repetitions. Ingest goes two ways through the Store: `store.ingest` awaits one
// `append(samples:)` per batch of `batchRows` (what the daemon's record writer does: one
// transaction per batch, a round trip to the writer's queue each); `store.ingest_enqueue` hands
// the batches to the group commit (`enqueue`, commits of `batchRows` on the writer's queue) and
// awaits `flush()` at the end of each block. The C loop commits the same `batchRows` per
// transaction.
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
    static let batchRows = 500
    /// Per repetition: `blocks` blocks of `blockRows` samples on each side.
    static let blocks = 20
    static let blockRows = 5_000
    /// Per repetition: `durableBlocks` blocks of `durablePerBlock` durable commits on each side.
    static let durableBlocks = 8
    static let durablePerBlock = 5
    static let characteristic = CharacteristicID("filling.fill_weight.n3")
    static let logger = Logger(label: "store-bench", factory: { _ in SwiftLogNoOpLogHandler() })

    static let line = LineDescription(name: "bench", stations: [
        StationDescription(
            name: "filling", lotKind: .cellBatch,
            devices: [DeviceDescription(name: "filler-plc", endpoint: "127.0.0.1:1502", unit: 1)],
            characteristics: [
                CharacteristicDescription(
                    id: characteristic, station: "filling", device: "filler-plc", equipment: "nozzle-3", unit: "g",
                    spec: SpecLimits(lsl: 76.8, usl: 79.2, target: 78), defectCodeLow: "FILL.UNDER",
                    defectCodeHigh: "FILL.OVER", severity: .major, chart: "imr"),
            ]),
    ])

    static func main() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("store-bench-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        // The samples a poller would hand over, built before any clock starts (the caller's work).
        let blockBatches: [[[Sample]]] = (0..<blocks).map { block in
            stride(from: 0, to: blockRows, by: batchRows).map { start in
                (start..<start + batchRows).map { offset in
                    sample(index: block * blockRows + offset)
                }
            }
        }
        let warmUp = (0..<batchRows).map { sample(index: -batchRows + $0) }
        let defects = (0..<durableBlocks * durablePerBlock).map { index in
            Defect(characteristic: characteristic, code: "FILL.UNDER", severity: .major, value: 76,
                   limits: SpecLimits(lsl: 76.8, usl: 79.2, target: 78), verdict: .below, station: "filling",
                   equipment: "nozzle-3", time: SampleTime(wall: 5_000 + Double(index), monotonicNanos: UInt64(index)),
                   lot: LotID("FB-D\(index)"))
        }

        let clock = ContinuousClock()
        var ingestEnqueue: [Double] = []
        var ingestAppend: [Double] = []
        var ingestC: [Double] = []
        var durableStore: [Double] = []
        var durableC: [Double] = []
        for repetition in 0..<repetitions {
            // Every file is made by the Store and closed (checkpointed), then each side opens its own:
            // `writer` takes the enqueue side and later the durable commits, `appender` the append side.
            let storePath = directory.appendingPathComponent("store-\(repetition).sqlite").path
            await (try await freshDatabase(storePath)).close()
            let writer = try StoreWriter(path: storePath, logger: logger, configuration: StoreConfiguration(batchRows: batchRows))
            let appendPath = directory.appendingPathComponent("append-\(repetition).sqlite").path
            await (try await freshDatabase(appendPath)).close()
            let appender = try StoreWriter(path: appendPath, logger: logger, configuration: StoreConfiguration(batchRows: batchRows))
            let cPath = directory.appendingPathComponent("c-\(repetition).sqlite").path
            await (try await freshDatabase(cPath)).close()
            var rc: Int32 = 0
            guard let baseline = lg_store_baseline_open(cPath, characteristic.rawValue, "FB-1", &rc) else {
                throw BaselineFailure(what: "opening the C baseline", code: rc)
            }
            defer { lg_store_baseline_close(baseline) }

            // One untimed batch on each side: both then run on a warm connection.
            try await writer.append(samples: warmUp)
            try await appender.append(samples: warmUp)
            try check(lg_store_baseline_ingest(baseline, Int64(batchRows), Int64(batchRows), 0, -1_000_000), "C warm-up")

            var enqueueTime = Duration.zero
            var appendTime = Duration.zero
            var cTime = Duration.zero
            for block in 0..<blocks {
                let sides: [IngestSide] = [.append, .enqueue, .c]
                for turn in 0..<sides.count {
                    switch sides[(block + repetition + turn) % sides.count] {
                    case .enqueue:
                        enqueueTime += try await clock.measure {
                            for batch in blockBatches[block] { writer.enqueue(samples: batch) }
                            try await writer.flush()
                        }
                    case .append:
                        appendTime += try await clock.measure {
                            for batch in blockBatches[block] { try await appender.append(samples: batch) }
                        }
                    case .c:
                        var rc: Int32 = 0
                        cTime += clock.measure {
                            rc = lg_store_baseline_ingest(baseline, Int64(blockRows), Int64(batchRows),
                                                          1_000 + Double(block * blockRows) * 0.001, Int64(block * blockRows))
                        }
                        try check(rc, "C ingest")
                    }
                }
            }
            guard writer.lostSampleCount == 0 else { throw BaselineFailure(what: "store enqueue", code: -1) }
            ingestEnqueue.append(Double(blocks * blockRows) / seconds(enqueueTime))
            ingestAppend.append(Double(blocks * blockRows) / seconds(appendTime))
            ingestC.append(Double(blocks * blockRows) / seconds(cTime))

            var storeDurable = Duration.zero
            var cDurable = Duration.zero
            for block in 0..<durableBlocks {
                let storeFirst = (block + repetition) % 2 == 0
                for side in storeFirst ? [true, false] : [false, true] {
                    if side {
                        let mine = defects[block * durablePerBlock..<(block + 1) * durablePerBlock]
                        storeDurable += try await clock.measure {
                            for defect in mine { _ = try await writer.record(defect: defect, signalID: nil) }
                        }
                    } else {
                        var rc: Int32 = 0
                        cDurable += clock.measure {
                            rc = lg_store_baseline_durable(baseline, Int64(durablePerBlock), 5_000 + Double(block))
                        }
                        try check(rc, "C durable commit")
                    }
                }
            }
            let commits = Double(durableBlocks * durablePerBlock)
            durableStore.append(seconds(storeDurable) / commits * 1e6)
            durableC.append(seconds(cDurable) / commits * 1e6)
            await writer.close()
            await appender.close()
        }

        let ingest = median(ingestEnqueue)
        let ingestBaseline = median(ingestC)
        let appendRate = median(ingestAppend)
        let durable = median(durableStore)
        let durableBaseline = median(durableC)
        let results = [
            BenchResult(name: "store.ingest", unit: "samples/s", value: appendRate, baseline_name: "c.sqlite_insert_loop",
                        baseline_value: ingestBaseline, ratio: appendRate / ingestBaseline),
            BenchResult(name: "store.ingest_enqueue", unit: "samples/s", value: ingest,
                        baseline_name: "c.sqlite_insert_loop", baseline_value: ingestBaseline,
                        ratio: ingest / ingestBaseline),
            BenchResult(name: "store.defect_commit", unit: "us/commit", value: durable,
                        baseline_name: "c.sqlite_durable_single_insert", baseline_value: durableBaseline,
                        ratio: durable / durableBaseline),
        ]

        print("store-bench: \(repetitions) repetitions (medians); ingest \(blocks) x \(blockRows) samples per side in "
              + "batches of \(batchRows); \(durableBlocks * durablePerBlock) durable commits per side; blocks alternate")
        print("name                  unit          value        baseline     ratio")
        for result in results {
            print(result.name.padding(toLength: 22, withPad: " ", startingAt: 0)
                  + result.unit.padding(toLength: 14, withPad: " ", startingAt: 0)
                  + String(format: "%-12.1f %-12.1f %.3f", result.value, result.baseline_value, result.ratio))
        }
        print("ingest: ratio = store / C (target >= 0.8). defect_commit: ratio = store cost / one bare durable insert; "
              + "the store's commit also starts the lot, holds it, changes its status and audits, in one transaction.")

        let output = CommandLine.arguments.count > 1
            ? URL(fileURLWithPath: CommandLine.arguments[1])
            : URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("results/store.json")
        try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(["results": results]).write(to: output)
        print("wrote \(output.path)")
    }

    static func sample(index: Int) -> Sample {
        let time = 1_000 + Double(index) * 0.001
        return Sample(characteristic: characteristic, value: 78 + Double(index % 13) * 0.01, quality: .good,
                      time: SampleTime(wall: time, monotonicNanos: UInt64(max(0, time * 1e9))), lot: LotID("FB-1"),
                      sequence: UInt64(bitPattern: Int64(index)))
    }

    /// A fresh database with the Store's schema, the line synchronised and lot `FB-1` started.
    static func freshDatabase(_ path: String) async throws -> StoreWriter {
        let writer = try StoreWriter(path: path, logger: logger, configuration: StoreConfiguration(batchRows: batchRows))
        try await writer.sync(line: line, at: 1)
        try await writer.startLot(LotID("FB-1"), kind: .cellBatch, station: "filling", at: 1)
        return writer
    }

    static func check(_ rc: Int32, _ what: String) throws {
        guard rc == 0 else { throw BaselineFailure(what: what, code: rc) }
    }
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

/// The three ways samples are written in the ingest blocks.
enum IngestSide {
    case append, enqueue, c
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
