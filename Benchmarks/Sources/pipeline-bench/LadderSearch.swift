/// Finds the shortest unit period a subject sustains: from a starting rung, faster while trials
/// pass, or slower until one does. Then the long, measured run at that rung (one rung slower, once,
/// if the long run fails where the short trial passed).
struct LadderSearch {
    let subject: any Subject
    let farm: DeviceFarm
    /// Unit periods in seconds, slowest first.
    let ladder: [Double]
    let trialSeconds: Double
    let finalSeconds: Double

    func run(startingAt start: Double) throws -> Trial.Result {
        var index = ladder.firstIndex(where: { $0 <= start }) ?? 0
        var best: Int?
        if try trial(index).sustained {
            best = index
            while index + 1 < ladder.count, try trial(index + 1).sustained { index += 1; best = index }
        } else {
            while index > 0 {
                index -= 1
                if try trial(index).sustained { best = index; break }
            }
        }
        // One rung slower if the long run fails where the short trial passed (once: the time
        // budget of `make bench`); the row says whether the final run was sustained.
        let rung = best ?? 0
        let result = try measured(rung)
        guard !result.sustained, rung > 0 else { return result }
        return try measured(rung - 1)
    }

    private func trial(_ index: Int) throws -> Trial.Result {
        let result = try Trial(subject: subject, farm: farm, period: ladder[index], window: trialSeconds, probes: false).run()
        Report.progress(result, label: "trial")
        return result
    }

    private func measured(_ index: Int) throws -> Trial.Result {
        let result = try Trial(subject: subject, farm: farm, period: ladder[index], window: finalSeconds, probes: true).run()
        Report.progress(result, label: "final")
        return result
    }
}
