// bench-report: merges every area's Benchmarks/results/<area>.json into
// Benchmarks/results/latest.json with the machine block, and prints the table.
// Usage: bench-report [--results DIR] [--areas spc,modbus,store,numpy,pipeline]
import Foundation

let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
var directory = package.appendingPathComponent("results")
var areas = ["spc", "numpy", "modbus", "store", "pipeline"]
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let key = arguments.next() {
    guard let value = arguments.next() else {
        FileHandle.standardError.write(Data("bench-report: \(key) needs a value\n".utf8))
        exit(2)
    }
    switch key {
    case "--results": directory = URL(fileURLWithPath: value)
    case "--areas": areas = value.split(separator: ",").map(String.init)
    default:
        FileHandle.standardError.write(Data("bench-report: unknown option \(key) (known: --results --areas)\n".utf8))
        exit(2)
    }
}

var rows: [ResultRow] = []
var missing: [String] = []
for area in areas {
    let file = directory.appendingPathComponent("\(area).json")
    guard let data = try? Data(contentsOf: file) else {
        missing.append(area)
        continue
    }
    do {
        rows += try JSONDecoder().decode(AreaFile.self, from: data).results.map { row in
            var row = row
            row.area = area
            return row
        }
    } catch {
        FileHandle.standardError.write(Data("bench-report: \(file.path) is not {\"results\": [...]}: \(error)\n".utf8))
        missing.append(area)
    }
}

let machine = MachineInfo.current()
let latest = LatestFile(machine: machine, command: "make bench", missing: missing, results: rows)
let encoder = JSONEncoder()
encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
let output = directory.appendingPathComponent("latest.json")
try encoder.encode(latest).write(to: output)

print()
print("LineGuard benchmarks: \(machine.cores) cores, \(machine.model), \(machine.memory_gib) GiB, \(machine.os), load \(machine.load_average.map { String(format: "%.2f", $0) }.joined(separator: " "))")
print(machine.swift)
print(Table.render(rows))
if !missing.isEmpty { print("missing areas (no results file): \(missing.joined(separator: ", "))") }
print("wrote \(output.path)")
if !missing.isEmpty { exit(1) }
