@testable import SPC
import Testing

/// Special functions against SciPy 1.17 / R values (closed forms where they exist).
struct SpecialFunctionTests {
    func rel(_ a: Double, _ b: Double) -> Double { Swift.abs(a - b) / Swift.abs(b) }

    @Test func elementaryFunctions() {
        #expect(rel(Elementary.exp(3.3), 27.112638920657883) < 4e-16)
        #expect(rel(Elementary.exp(-700.5), 5.980196118639791e-305) < 1e-14)
        #expect(rel(Elementary.exp(1e-10), 1.0000000001) < 2e-16)
        #expect(Elementary.exp(0) == 1)
        #expect(Elementary.exp(-800) == 0)
        #expect(Elementary.exp(710) == .infinity)
        #expect(rel(Elementary.log(1e-300), -690.7755278982137) < 4e-16)
        #expect(rel(Elementary.log(1.0000001), 9.999999505838704e-08) < 1e-15)
        #expect(rel(Elementary.log(123456.789), 11.723646487185881) < 4e-16)
        #expect(Elementary.log(1) == 0)
        #expect(rel(Elementary.cos(1), 0.5403023058681398) < 1e-15)
        #expect(rel(Elementary.pow(0.8, 50), 1.4272476927059638e-05) < 1e-14)
        for x in stride(from: -20.0, through: 20.0, by: 0.37) {
            #expect(rel(Elementary.log(Elementary.exp(x)), x) < 1e-14 || Swift.abs(x) < 1e-12)
        }
    }

    @Test func normalDistribution() {
        #expect(rel(Normal.cdf(1.96), 0.9750021048517795) < 1e-15)
        #expect(rel(Normal.cdf(-3), 0.0013498980316300933) < 1e-13)
        #expect(rel(Normal.cdf(-2.9), 0.0018658133003840375) < 1e-13)
        #expect(rel(Normal.cdf(-5.5), 1.898956246588768e-08) < 1e-13)
        #expect(rel(Normal.cdf(-10), 7.61985302416047e-24) < 1e-13)
        #expect(rel(Normal.cdf(-37), 5.7255712225239266e-300) < 1e-11)
        #expect(rel(Normal.cdf(0.3), 0.6179114221889526) < 1e-15)
        #expect(rel(Normal.quantile(0.975), 1.959963984540054) < 1e-15)
        #expect(rel(Normal.quantile(1e-10), -6.361340902404056) < 1e-14)
        #expect(rel(Normal.quantile(0.3), -0.5244005127080409) < 1e-14)
        #expect(rel(Normal.quantile(1 - 1e-12), 7.0344869100478356) < 1e-9)
        for p in stride(from: 0.001, to: 1, by: 0.0137) {
            #expect(rel(Normal.cdf(Normal.quantile(p)), p) < 1e-14)
        }
    }

    @Test func gammaFamily() {
        #expect(rel(GammaFunctions.logGamma(0.5), 0.5723649429247) < 1e-15)
        #expect(rel(GammaFunctions.logGamma(10), 12.801827480081469) < 1e-15)
        #expect(rel(GammaFunctions.logGamma(100.5), 361.43554046777757) < 1e-15)
        #expect(rel(GammaFunctions.logGamma(1e-8), 18.42068073818021) < 1e-14)
        #expect(rel(GammaFunctions.logGamma(3.7), 1.428072326665388) < 1e-14)
        #expect(rel(GammaFunctions.regularizedLower(3.5, 2), 0.22022259152428406) < 1e-14)
        #expect(rel(GammaFunctions.regularizedUpper(3.5, 20), 1.258790387371308e-06) < 1e-12)
        #expect(rel(GammaFunctions.chiSquareQuantile(0.025, df: 124), 95.07008897234516) < 1e-13)
        #expect(rel(GammaFunctions.chiSquareQuantile(0.975, df: 124), 156.71410382967215) < 1e-13)
        #expect(rel(GammaFunctions.chiSquareQuantile(0.05, df: 10), 3.9402991361190605) < 1e-13)
        #expect(rel(GammaFunctions.chiSquareQuantile(0.999, df: 3.5), 17.389858670332334) < 1e-13)
        #expect(rel(GammaFunctions.chiSquareQuantile(1e-6, df: 1), 1.5707963267957187e-12) < 1e-9)
        // Closed form for 2 degrees of freedom: -2 ln(1 - p).
        #expect(rel(GammaFunctions.chiSquareQuantile(0.9, df: 2), -2 * Elementary.log(0.1)) < 1e-14)
        #expect(rel(ChartConstants.c4(5), 0.939985602986625) < 1e-14)
    }

    @Test func betaFamily() {
        #expect(rel(BetaFunctions.regularized(0.3, 2.5, 4), 0.3521975859067672) < 1e-14)
        #expect(rel(BetaFunctions.quantile(0.99, 1.5, 8.5), 0.47780678453191133) < 1e-13)
        #expect(rel(BetaFunctions.quantile(0.3, 2, 3), 0.27238394207510536) < 1e-13)
        #expect(rel(BetaFunctions.fQuantile(0.99460729, d1: 2, d2: 59), 5.713558272932504) < 1e-13)
        #expect(rel(BetaFunctions.fQuantile(0.95, d1: 5, d2: 20), 2.7108898372096912) < 1e-13)
        // Beta(a, 1) quantile is p^(1/a).
        #expect(rel(BetaFunctions.quantile(0.7, 3, 1), Elementary.pow(0.7, 1.0 / 3)) < 1e-14)
    }

    @Test func gaussLegendreIntegratesPolynomialsExactly() {
        let gl = GaussLegendre(count: 10, from: -1, to: 3)
        var integral = 0.0
        for (x, w) in zip(gl.nodes, gl.weights) { integral += w * Elementary.pow(x, 19) }
        // integral of x^19 over [-1, 3] = (3^20 - 1) / 20
        #expect(rel(integral, (Elementary.pow(3, 20) - 1) / 20) < 1e-13)
    }

    @Test func linearSolve() {
        var a: [Double] = [0, 2, 1, 1, 1, 1, 2, 1, 3]
        let x = LinearSystem.solve(&a, [3, 3, 6], n: 3)!
        #expect(zip(x, [1.0, 1, 1]).allSatisfy { Swift.abs($0 - $1) < 1e-14 })
    }
}
