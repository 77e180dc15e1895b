@testable import Daemon
import Testing

/// The scorecard's confidence interval for the false-signal rate: ratio estimator, standard
/// error from the seed-to-seed spread, Student's t (values worked by hand).
@Suite struct FalseSignalIntervalTests {
    @Test func threeSeedsGiveTheRatioAndItsStudentInterval() throws {
        // r = 18 / 3000; residuals -1, 0, 1; SE = sqrt(2 / 6) / 1000; t(0.975, 2) = 4.302653.
        let interval = try #require(FalseSignalInterval.per1000(signals: [5, 6, 7], samples: [1000, 1000, 1000]))
        let half = 4.302_652_729_911 * (2.0 / 6).squareRoot()
        #expect(abs(interval.lowerBound - (6 - half)) < 1e-6)
        #expect(abs(interval.upperBound - (6 + half)) < 1e-6)
    }

    @Test func theLowerBoundStopsAtZeroAndOneSeedHasNoInterval() throws {
        // t(0.975, 1) = 12.706205: 5 +- 12.706.
        let wide = try #require(FalseSignalInterval.per1000(signals: [6, 4], samples: [1000, 1000]))
        #expect(wide.lowerBound == 0)
        #expect(abs(wide.upperBound - 17.706_204_736) < 1e-6)
        #expect(FalseSignalInterval.per1000(signals: [6], samples: [1000]) == nil)
        #expect(FalseSignalInterval.per1000(signals: [0, 0], samples: [0, 0]) == nil)
    }

    @Test func equalRatesHaveNoSpread() throws {
        let interval = try #require(FalseSignalInterval.per1000(signals: [3, 6], samples: [1000, 2000]))
        #expect(interval == 3...3)
    }
}
