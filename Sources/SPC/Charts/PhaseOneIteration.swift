/// The Phase I loop shared by every chart: estimate, then optionally drop what `signals`
/// flags and re-estimate, recording the dropped positions.
enum PhaseOneIteration {
    /// Estimates on the included Phase I points; optionally drops the points `signals` flags
    /// (1-based indices returned) and re-estimates until nothing new signals.
    static func run<Model: Sendable>(
        count: Int, options: ChartOptions,
        estimate: ([Bool]) throws(SPCError) -> Model,
        signals: (Model, [Bool]) -> [Int]
    ) throws(SPCError) -> PhaseOneResult<Model> {
        var included = [Bool](repeating: true, count: count)
        var model = try estimate(included)
        var iterations = 1
        guard options.excludeSignals else { return PhaseOneResult(model: model, excluded: [], iterations: 1) }
        while iterations < options.maximumIterations {
            let flagged = signals(model, included).filter { included[$0 - 1] }
            if flagged.isEmpty { break }
            for i in flagged { included[i - 1] = false }
            guard included.contains(true) else { throw SPCError("every Phase I point signals; no limits left to estimate") }
            model = try estimate(included)
            iterations += 1
        }
        let excluded = included.indices.filter { !included[$0] }.map { $0 + 1 }
        return PhaseOneResult(model: model, excluded: excluded, iterations: iterations)
    }
}
