import Foundation

/// Command-line options of spc-bench.
struct BenchOptions {
    var samples = 1 << 24
    var repetitions = 7
    var output: String

    init(_ arguments: [String]) {
        // Benchmarks/Sources/spc-bench/Support.swift -> Benchmarks/results/spc.json
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        output = package.appendingPathComponent("results/spc.json").path
        var i = 1
        while i + 1 < arguments.count {
            switch arguments[i] {
            case "--samples": samples = Int(arguments[i + 1]) ?? samples
            case "--repetitions": repetitions = Int(arguments[i + 1]) ?? repetitions
            case "--output": output = arguments[i + 1]
            default: break
            }
            i += 2
        }
        samples = Swift.max(samples / 5 * 5, 5000)
        repetitions = Swift.max(repetitions, 1)
    }
}

/// A deterministic in-control process with rare shifts, so the rules do real work.
enum SyntheticProcess {
    static func values(count: Int, seed: UInt64) -> [Double] {
        var state = seed
        func next() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            return Double(z >> 11) * 0x1p-53
        }
        var out = [Double](repeating: 0, count: count)
        var shift = 0.0
        for i in 0..<count {
            // Irwin-Hall(4): mean 2, variance 1/3 -> scaled to unit variance.
            let u = next() + next() + next() + next()
            if i % 100_000 == 50_000 { shift = 1.5 } else if i % 100_000 == 51_000 { shift = 0 }
            out[i] = 10 + (u - 2) * 3.0.squareRoot() + shift
        }
        return out
    }
}

/// Wall-clock rates with the stdlib clock.
enum Timing {
    static func rate<T>(count: Int, _ body: () -> T) -> (T, Double) {
        let clock = ContinuousClock()
        let start = clock.now
        let result = body()
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return (result, Double(count) / seconds)
    }

    static func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    static func format(_ rate: Double) -> String {
        String(format: "%.1f M", rate / 1e6)
    }
}

/// One result row of Benchmarks/results/spc.json.
struct BenchRow {
    var name: String
    var value: Double
    var baseline: Double
    var ratio: Double { value / baseline }

    static func write(_ rows: [BenchRow], to path: String) throws {
        let items = rows.map { row in
            "{\"name\": \"\(row.name)\", \"unit\": \"samples/s\", \"value\": \(row.value.rounded()), "
                + "\"baseline_name\": \"c.sum_loop\", \"baseline_value\": \(row.baseline.rounded()), "
                + "\"ratio\": \((row.ratio * 1000).rounded() / 1000)}"
        }
        let json = "{\"results\": [\n  " + items.joined(separator: ",\n  ") + "\n]}\n"
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try json.write(toFile: path, atomically: true, encoding: .utf8)
    }
}

extension String {
    func leftPad(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
