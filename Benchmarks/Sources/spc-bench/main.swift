import CSPCBaseline
import Foundation
import SPC

// SPC benchmarks (issue 4): streaming Phase II individuals + Nelson 1-8, and batch X-bar/R
// Phase I statistics, each in samples per second on one core and as a ratio to a plain C
// summation loop over the same doubles measured in the same run (the memory-bandwidth limit).
// Usage: spc-bench [--samples N] [--repetitions R] [--output PATH]

let options = BenchOptions(CommandLine.arguments)
let data = SyntheticProcess.values(count: options.samples, seed: 2026)
print("spc-bench: \(options.samples) doubles (\(options.samples * 8 / 1_048_576) MiB), \(options.repetitions) repetitions, median")

// Phase I limits for the streaming monitor from the first 1000 values.
let model = try IndividualsCharts.phaseOne(Array(data.prefix(1000))).model

var baselineRates: [Double] = []
var streamRates: [Double] = []
var batchRates: [Double] = []
var sink = 0.0
var signals = 0
data.withUnsafeBufferPointer { buffer in
    for _ in 0..<options.repetitions {
        let (sum, baseline) = Timing.rate(count: buffer.count) { lg_spc_sum(buffer.baseAddress, buffer.count) }
        sink += sum
        baselineRates.append(baseline)

        let (count, stream) = Timing.rate(count: buffer.count) { () -> Int in
            var monitor = IndividualsMonitor(model: model, rules: .nelson)
            var flagged = 0
            for v in buffer where monitor.next(v).violation != nil { flagged &+= 1 }
            return flagged
        }
        signals = count
        streamRates.append(stream)

        let (center, batch) = Timing.rate(count: buffer.count) { () -> Double in
            (try? SubgroupCharts.batchPhaseOne(values: buffer, subgroupSize: 5).center) ?? .nan
        }
        sink += center
        batchRates.append(batch)
    }
}

let baseline = Timing.median(baselineRates)
let rows = [
    BenchRow(name: "spc.stream_nelson", value: Timing.median(streamRates), baseline: baseline),
    BenchRow(name: "spc.batch_phase1", value: Timing.median(batchRates), baseline: baseline),
]
print("")
print("name".padding(toLength: 20, withPad: " ", startingAt: 0) + "samples/s".leftPad(16) + "c.sum_loop".leftPad(16) + "ratio".leftPad(9))
for row in rows {
    print(row.name.padding(toLength: 20, withPad: " ", startingAt: 0) + Timing.format(row.value).leftPad(16)
          + Timing.format(row.baseline).leftPad(16) + String(format: "%.3f", row.ratio).leftPad(9))
}
print("(signals in the stream: \(signals); checksum \(sink.isFinite ? "ok" : "nan"))")
try BenchRow.write(rows, to: options.output)
print("wrote \(options.output)")
