/// Design of EWMA and CUSUM charts for a target in-control ARL (shift 0), solving the ARL
/// functions of `EWMAARL` (fixed limits) and `CUSUMARL` for L or h (as spc's `xewma.crit`
/// and `xcusum.crit`).
public enum ChartDesign {
    /// The EWMA limit width L with ARL0 = `arl0` for the given lambda.
    public static func ewmaWidth(lambda: Double, arl0: Double, nodes: Int = 40) throws(SPCError) -> Double {
        guard arl0 > 1 else { throw SPCError("the target ARL must exceed 1, got \(arl0)") }
        return try solveIncreasing(lo: 0.05, hi: 1, target: arl0) { (width: Double) throws(SPCError) in
            try EWMAARL.arl(lambda: lambda, width: width, shift: 0, nodes: nodes)
        }
    }

    /// The CUSUM decision interval h with ARL0 = `arl0` for reference value k.
    public static func cusumInterval(
        k: Double, arl0: Double, sides: CUSUMARL.Sides = .two, headStart: Double = 0, nodes: Int = 60
    ) throws(SPCError) -> Double {
        guard arl0 > 1 else { throw SPCError("the target ARL must exceed 1, got \(arl0)") }
        return try solveIncreasing(lo: Swift.max(0.01, headStart * 1.0001), hi: Swift.max(1, headStart * 2), target: arl0) { (h: Double) throws(SPCError) in
            try CUSUMARL.arl(k: k, h: h, shift: 0, headStart: headStart, sides: sides, nodes: nodes)
        }
    }

    /// Root of f(x) = target for f increasing: bracketing, then regula falsi (Illinois) on log f.
    static func solveIncreasing(
        lo: Double, hi: Double, target: Double, _ f: (Double) throws(SPCError) -> Double
    ) throws(SPCError) -> Double {
        var a = lo
        var b = hi
        var fa = Elementary.log(try f(a)) - Elementary.log(target)
        var fb = Elementary.log(try f(b)) - Elementary.log(target)
        // Widen the bracket by doubling until it holds the target (ARL grows fast with the limit).
        var widenings = 0
        while !(fb >= 0) {
            guard widenings < 8, fb.isFinite else { throw SPCError("no design reaches ARL \(target) (tried up to \(b))") }
            a = b
            fa = fb
            b *= 2
            fb = Elementary.log(try f(b)) - Elementary.log(target)
            widenings += 1
        }
        guard fa <= 0 else { throw SPCError("ARL \(target) is below the smallest design (\(lo))") }
        var side = 0
        for _ in 0..<200 {
            let x = (a * fb - b * fa) / (fb - fa)
            let fx = Elementary.log(try f(x)) - Elementary.log(target)
            if fx == 0 || Swift.abs(b - a) < 1e-14 * Swift.abs(x) { return x }
            if fx < 0 {
                a = x
                fa = fx
                if side == -1 { fb /= 2 }
                side = -1
            } else {
                b = x
                fb = fx
                if side == 1 { fa /= 2 }
                side = 1
            }
            if Swift.abs(fx) < 1e-15 { return x }
        }
        return (a + b) / 2
    }
}
