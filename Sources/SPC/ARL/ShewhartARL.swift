/// Zero-state ARL of a Shewhart chart of a normal statistic with any subset of the Western
/// Electric rules, by an exact Markov chain over the minimal history the rules need (the last
/// two 2-sigma zones, the last four 1-sigma zones, the signed run length on one side).
/// The shift is in sigmas of the charted statistic. WE 1-4 in control: 91.75 (spc / reference).
public enum ShewhartARL {
    /// The zero-state ARL for a mean shift `shift` with rules (WE numbering) and limit width.
    public static func arl(shift: Double, rules: RuleSelection = .limitsOnly, nsigmas: Double = 3) throws(SPCError) -> Double {
        guard rules.ruleSet == .westernElectric else {
            throw SPCError("the Shewhart ARL supports the Western Electric rules; got the \(rules.ruleSet.rawValue) set")
        }
        let chain = Chain(rules: rules.rules, shift: shift, nsigmas: nsigmas)
        return chain.averageRunLength()
    }

    /// Zones of one point: index 0...5 for (2,k], (1,2], (0,1], (-1,0], (-2,-1], [-k,-2); beyond +-k signals.
    struct Chain {
        var rule1: Bool
        var rule2: Bool
        var rule3: Bool
        var rule4: Bool
        /// Probability of each zone, and of falling beyond the limits.
        var zone: [Double]
        var beyond: Double

        init(rules: [Int], shift: Double, nsigmas: Double) {
            rule1 = rules.contains(1)
            rule2 = rules.contains(2)
            rule3 = rules.contains(3)
            rule4 = rules.contains(4)
            let k = nsigmas
            // Without rule 1 the outer zones extend to infinity.
            let top = rule1 ? k : Double.infinity
            let cuts = [top, 2, 1, 0, -1, -2, -top]
            func p(_ hi: Double, _ lo: Double) -> Double {
                let a = hi.isInfinite ? 1.0 : Normal.cdf(hi - shift)
                let b = lo.isInfinite ? 0.0 : Normal.cdf(lo - shift)
                // Upper tails via the survival function for accuracy.
                if lo - shift > 0 {
                    let sa = hi.isInfinite ? 0.0 : Normal.survival(hi - shift)
                    return Normal.survival(lo - shift) - sa
                }
                return a - b
            }
            zone = (0..<6).map { p(cuts[$0], cuts[$0 + 1]) }
            beyond = rule1 ? Normal.survival(k - shift) + Normal.cdf(-k - shift) : 0
        }

        /// State: bits 0-1 above +2 for the last two points, 2-3 below -2, 4-7 above +1 for the last
        /// four, 8-11 below -1, then the signed run length (biased by 8) from bit 12.
        func step(_ state: Int, zone z: Int) -> Int? {
            let a2 = state & 0b11
            let b2 = (state >> 2) & 0b11
            let a1 = (state >> 4) & 0b1111
            let b1 = (state >> 8) & 0b1111
            let run = (state >> 12) - 8
            let up2 = z == 0 ? 1 : 0
            let dn2 = z == 5 ? 1 : 0
            let up1 = z <= 1 ? 1 : 0
            let dn1 = z >= 4 ? 1 : 0
            let na2 = (a2 << 1 | up2)
            let nb2 = (b2 << 1 | dn2)
            let na1 = (a1 << 1 | up1)
            let nb1 = (b1 << 1 | dn1)
            if rule2, (up2 == 1 && (na2 & 0b111).nonzeroBitCount >= 2) || (dn2 == 1 && (nb2 & 0b111).nonzeroBitCount >= 2) {
                return nil
            }
            if rule3, (up1 == 1 && (na1 & 0b11111).nonzeroBitCount >= 4) || (dn1 == 1 && (nb1 & 0b11111).nonzeroBitCount >= 4) {
                return nil
            }
            let positive = z <= 2
            let newRun = positive ? (run > 0 ? run + 1 : 1) : (run < 0 ? run - 1 : -1)
            if rule4, Swift.abs(newRun) >= 8 { return nil }
            // Keep only what the enabled rules can still use.
            let keepA2 = rule2 ? na2 & 0b11 : 0
            let keepB2 = rule2 ? nb2 & 0b11 : 0
            let keepA1 = rule3 ? na1 & 0b1111 : 0
            let keepB1 = rule3 ? nb1 & 0b1111 : 0
            let keepRun = rule4 ? newRun : 0
            return keepA2 | keepB2 << 2 | keepA1 << 4 | keepB1 << 8 | (keepRun + 8) << 12
        }

        /// Sum over t of P(no signal through t), by propagating the state distribution on the
        /// sparse chain and closing the geometric tail once its ratio has converged.
        func averageRunLength() -> Double {
            let start = 8 << 12
            var index: [Int: Int] = [start: 0]
            var states = [start]
            var edges: [[(Int, Double)]] = []
            var cursor = 0
            while cursor < states.count {
                var out: [(Int, Double)] = []
                for z in 0..<6 where zone[z] > 0 {
                    guard let next = step(states[cursor], zone: z) else { continue }
                    let id: Int
                    if let known = index[next] {
                        id = known
                    } else {
                        id = states.count
                        index[next] = id
                        states.append(next)
                    }
                    out.append((id, zone[z]))
                }
                edges.append(out)
                cursor += 1
            }
            var v = [Double](repeating: 0, count: states.count)
            v[0] = 1
            var arl = 0.0
            var mass = 1.0
            var lastRatio = -1.0
            var stable = 0
            for t in 0..<10_000_000 {
                arl += mass
                var w = [Double](repeating: 0, count: states.count)
                for (i, out) in edges.enumerated() where v[i] != 0 {
                    for (j, p) in out { w[j] += v[i] * p }
                }
                var newMass = 0.0
                for x in w { newMass += x }
                if newMass < 1e-300 { break }
                let ratio = newMass / mass
                v = w
                mass = newMass
                // No rule looks back more than 8 points, so after 64 steps the distribution
                // shape has had time to settle; demand 16 steps of a ratio unchanged to 1e-13.
                if t >= 64, Swift.abs(ratio - lastRatio) <= 1e-13 * ratio {
                    stable += 1
                    if stable >= 16 {
                        // The remaining terms are mass, mass r, mass r^2, ...
                        return arl + mass / (1 - ratio)
                    }
                } else {
                    stable = 0
                }
                lastRatio = ratio
            }
            return arl
        }
    }
}
