@testable import Daemon
import Testing

/// The scorecard's confidence interval for the false-signal rate: ratio estimator, standard
/// error from the seed-to-seed spread, Student's t (values worked by hand).
@Suite struct FalseSignalIntervalTests {
    @Test func threeSeedsGiveTheRatioAndItsStudentInterval() throws {
        // r = 180 / 3000; residuals -10, 0, 10; SE = sqrt(200 / 6) / 1000 (above the Poisson
        // sqrt(r / 3000) = 0.00447); t(0.975, 2) = 4.302653.
        let interval = try #require(FalseSignalInterval.per1000(signals: [50, 60, 70], samples: [1000, 1000, 1000]))
        let half = 4.302_652_729_911 * (200.0 / 6).squareRoot()
        #expect(abs(interval.lowerBound - (60 - half)) < 1e-6)
        #expect(abs(interval.upperBound - (60 + half)) < 1e-6)
    }

    @Test func theLowerBoundStopsAtZeroAndOneSeedHasNoInterval() throws {
        // t(0.975, 1) = 12.706205: 50 +- 127.06 (the spread, 10 per 1000, exceeds the Poisson 5).
        let wide = try #require(FalseSignalInterval.per1000(signals: [60, 40], samples: [1000, 1000]))
        #expect(wide.lowerBound == 0)
        #expect(abs(wide.upperBound - 177.062_047_36) < 1e-5)
        #expect(FalseSignalInterval.per1000(signals: [6], samples: [1000]) == nil)
        #expect(FalseSignalInterval.per1000(signals: [0, 0], samples: [0, 0]) == nil)
        #expect(FalseSignalInterval.per1000(signals: [6, 1], samples: [1000, 0]) == nil, "a seed without samples does not count")
    }

    @Test func seedsThatAgreeExactlyStillHaveThePoissonWidth() throws {
        // r = 9 / 3000; SE = sqrt(r / 3000) = 0.001; t(0.975, 1) = 12.706205.
        let interval = try #require(FalseSignalInterval.per1000(signals: [3, 6], samples: [1000, 2000]))
        #expect(abs(interval.upperBound - (3 + 12.706_204_736)) < 1e-6)
        #expect(interval.lowerBound == 0)
    }

    @Test func noSignalAtAllGivesTheRuleOfThree() throws {
        let interval = try #require(FalseSignalInterval.per1000(signals: [0, 0, 0], samples: [1000, 1000, 1000]))
        #expect(interval == 0...1)
    }
}
