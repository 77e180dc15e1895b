/// Process capability with qcc parity (qcc 3.0 `process.capability`).
///
/// Cp = (USL-LSL)/6 sigma, Cpl = (mu-LSL)/3 sigma, Cpu = (USL-mu)/3 sigma, Cpk = min; Cpm = Cp /
/// sqrt(1 + ((mu-T)/sigma)^2), T the target (spec midpoint by default); P indices the same with
/// the overall standard deviation. Intervals at `confidence` (default 0.95): Cp and Cpm by
/// chi-square (Cpm with df = N(1+d^2)/(1+2d^2)), Cpl/Cpu one-sided z(conf), Cpk two-sided
/// z(1-alpha/2), all with the factor sqrt(1/(9 N C^2) + 1/(2 df)). One-sided specifications give
/// only the indices they define. Expected ppm: `expected` exact; `expectedQcc` zeroes a side below
/// 0.01 % as qcc prints it.
public struct CapabilityReport: Sendable, Hashable, Codable {
    public var n: Int
    public var center: Double
    public var withinSigma: Double
    public var overallSigma: Double
    public var lsl: Double?
    public var usl: Double?
    public var target: Double?
    public var confidence: Double
    public var cp: CapabilityIndex?
    public var cpl: CapabilityIndex?
    public var cpu: CapabilityIndex?
    public var cpk: CapabilityIndex?
    public var cpm: CapabilityIndex?
    public var pp: CapabilityIndex?
    public var ppl: CapabilityIndex?
    public var ppu: CapabilityIndex?
    public var ppk: CapabilityIndex?
    public var ppm: CapabilityIndex?
    public var expected: ExpectedPPM
    public var expectedQcc: ExpectedPPM
    /// Observed ppm of the values outside the limits.
    public var observed: ExpectedPPM

    /// Computes the report. `withinDegreesOfFreedom` is used by the Minitab convention.
    public init(
        values: [Double], center: Double, withinSigma: Double, lsl: Double?, usl: Double?, target: Double? = nil,
        confidence: Double = 0.95, convention: CapabilityConvention = .qcc, withinDegreesOfFreedom: Double? = nil
    ) throws(SPCError) {
        guard lsl != nil || usl != nil else { throw SPCError("capability needs --lsl or --usl") }
        if let lsl, let usl, lsl >= usl { throw SPCError("LSL \(lsl) must be below USL \(usl)") }
        guard values.count >= 2 else { throw SPCError("capability needs at least 2 values") }
        guard confidence > 0, confidence < 1 else { throw SPCError("confidence must be in (0, 1)") }
        guard withinSigma > 0 else { throw SPCError("capability needs a positive sigma") }
        let n = values.count
        let overall = try SigmaEstimation.overallStandardDeviation(values)
        let nn = Double(n)
        let overallDF = nn - 1
        let withinDF = convention == .minitab ? (withinDegreesOfFreedom ?? overallDF) : overallDF
        let target = target ?? ((lsl != nil && usl != nil) ? (lsl! + usl!) / 2 : nil)
        self.n = n
        self.center = center
        self.withinSigma = withinSigma
        self.overallSigma = overall
        self.lsl = lsl
        self.usl = usl
        self.target = target
        self.confidence = confidence
        let set = Self.indices(center: center, sigma: withinSigma, lsl: lsl, usl: usl, target: target, n: nn,
                               df: withinDF, confidence: confidence)
        (cp, cpl, cpu, cpk, cpm) = (set.c, set.l, set.u, set.k, set.m)
        let pset = Self.indices(center: center, sigma: overall, lsl: lsl, usl: usl, target: target, n: nn,
                                df: overallDF, confidence: confidence)
        (pp, ppl, ppu, ppk, ppm) = (pset.c, pset.l, pset.u, pset.k, pset.m)
        let below = lsl.map { Normal.cdf(($0 - center) / withinSigma) * 1e6 } ?? 0
        let above = usl.map { Normal.cdf((center - $0) / withinSigma) * 1e6 } ?? 0
        expected = ExpectedPPM(below: below, above: above)
        expectedQcc = ExpectedPPM(below: below < 100 ? 0 : below, above: above < 100 ? 0 : above)
        let obsBelow = lsl.map { l in Double(values.filter { $0 < l }.count) / nn * 1e6 } ?? 0
        let obsAbove = usl.map { u in Double(values.filter { $0 > u }.count) / nn * 1e6 } ?? 0
        observed = ExpectedPPM(below: obsBelow, above: obsAbove)
    }

    private struct IndexSet {
        var c, l, u, k, m: CapabilityIndex?
    }

    private static func indices(
        center: Double, sigma: Double, lsl: Double?, usl: Double?, target: Double?, n: Double, df: Double,
        confidence: Double
    ) -> IndexSet {
        let alpha = 1 - confidence
        let zOne = Normal.quantile(confidence)
        let zTwo = Normal.quantile(1 - alpha / 2)
        func chiSquareInterval(_ value: Double, df: Double) -> CapabilityIndex {
            let lo = value * (GammaFunctions.chiSquareQuantile(alpha / 2, df: df) / df).squareRoot()
            let hi = value * (GammaFunctions.chiSquareQuantile(1 - alpha / 2, df: df) / df).squareRoot()
            return CapabilityIndex(value: value, lower: lo, upper: hi)
        }
        func normalInterval(_ value: Double, z: Double) -> CapabilityIndex {
            let half = z * (1 / (9 * n * value * value) + 1 / (2 * df)).squareRoot()
            return CapabilityIndex(value: value, lower: value * (1 - half), upper: value * (1 + half))
        }
        var set = IndexSet()
        if let lsl { set.l = normalInterval((center - lsl) / (3 * sigma), z: zOne) }
        if let usl { set.u = normalInterval((usl - center) / (3 * sigma), z: zOne) }
        let k = [set.l?.value, set.u?.value].compactMap { $0 }.min()!
        set.k = normalInterval(k, z: zTwo)
        if let lsl, let usl {
            let cp = (usl - lsl) / (6 * sigma)
            set.c = chiSquareInterval(cp, df: df)
            if let target {
                let d = (center - target) / sigma
                let cpm = cp / (1 + d * d).squareRoot()
                let dfm = n * (1 + d * d) / (1 + 2 * d * d)
                set.m = chiSquareInterval(cpm, df: dfm)
            }
        }
        return set
    }
}
