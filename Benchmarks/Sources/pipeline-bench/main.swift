// pipeline-bench: the whole LineGuard daemon (release build) against a simulated line, and the
// same work scripted in Python as its baseline.
//
// pipeline.end_to_end   20 Modbus TCP devices x 50 characteristics (float32 value + uint32 unit
//                       counter each), one unit per characteristic every period; the daemon
//                       polls just faster than twice per period. The fastest period it sustains
//                       (zero dropped, zero missed units, commits keeping pace) is searched on a
//                       ladder, then measured for 60 s: committed samples/s, CPU share and
//                       resident memory from /proc, and the latency from a register change (a
//                       probe value far above the specification, about 4 per second) to its
//                       signal row, seen by a read-only connection polling the database every
//                       2 ms.
// peer.python_stack     the same farm, work and measurement for peers/python_stack.py
//                       (pymodbus + numpy + sqlite3): the baseline of every pipeline row.
import Foundation

do {
    try benchmark()
} catch {
    FileHandle.standardError.write(Data("pipeline-bench: \(error)\n".utf8))
    exit(1)
}

func benchmark() throws {
    let options = try BenchOptions(CommandLine.arguments)
    guard FileManager.default.isExecutableFile(atPath: options.lineguard) else {
        throw SubjectError(subject: "pipeline-bench", message: "no lineguard binary at \(options.lineguard) (--lineguard PATH)")
    }
    let farm = try DeviceFarm()
    let ladder = options.ladder.map { $0 / 1000 }
    say(
        "pipeline-bench: \(DeviceFarm.devices) devices x \(DeviceFarm.characteristics) characteristics on 127.0.0.1, "
            + "ladder \(options.ladder.map { "\(Int($0))" }.joined(separator: "/")) ms, final runs \(Int(options.seconds)) s")

    let lineguard = try LadderSearch(
        subject: LineGuardSubject(executable: options.lineguard, commitIntervalMilliseconds: options.commitMilliseconds),
        farm: farm, ladder: ladder, trialSeconds: options.trialSeconds, finalSeconds: options.seconds
    ).run(startingAt: options.lineguardStart / 1000)

    var peer: Trial.Result?
    if !options.skipPeer {
        peer = try LadderSearch(
            subject: PythonPeerSubject(python: options.python, script: options.peerScript, commitIntervalMilliseconds: options.commitMilliseconds),
            farm: farm, ladder: ladder, trialSeconds: options.trialSeconds, finalSeconds: options.seconds
        ).run(startingAt: options.peerStart / 1000)
    }

    let rows = Report.rows(lineguard: lineguard, peer: peer)
    say()
    Report.printTable(rows)
    try Report.write(rows, to: options.output)
    say("wrote \(options.output)")
}
