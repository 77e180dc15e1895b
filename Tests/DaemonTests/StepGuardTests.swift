@testable import Daemon
import Testing

/// `max_step`: a value too far from the last accepted one is refused, unless the process
/// really moved (distinct values in a row that agree with each other).
@Suite struct StepGuardTests {
    @Test func aSpikeIsRefusedAndTheOldLevelGoesOn() {
        var guardian = StepGuard(maxStep: 5)
        #expect(guardian.observe(-48) == .accepted, "the first value is accepted")
        #expect(guardian.observe(-47.2) == .accepted)
        #expect(guardian.observe(-20.5) == .refused(last: -47.2))
        #expect(guardian.observe(-47.9) == .accepted, "back within the step of the last accepted value")
        #expect(guardian.anchor == -47.9)
    }

    @Test func wordSwappedValuesNeverConfirmEachOther() {
        // A float32 of about -48 read with its two words swapped: the low mantissa word becomes
        // sign and exponent, so each reading lands somewhere else. These land inside a dew-point
        // transmitter's physical range (-90 to -10); one that landed within max_step of the last
        // accepted value could not be told from a reading.
        var guardian = StepGuard(maxStep: 5)
        _ = guardian.observe(-48.1)
        for bits: UInt32 in [0xC1A0_C240, 0xC280_C23F, 0xC1F0_C241, 0xC2A0_C240, 0xC160_C23E, 0xC200_C240] {
            let swapped = Double(Float(bitPattern: bits))
            #expect(guardian.observe(swapped) != .accepted, "\(swapped)")
        }
        #expect(guardian.anchor == -48.1)
    }

    @Test func aRealChangeOfLevelIsFollowedAfterThreeAgreeingValues() {
        var guardian = StepGuard(maxStep: 5, confirmations: 3)
        _ = guardian.observe(-48)
        #expect(guardian.observe(-30) == .refused(last: -48))
        #expect(guardian.observe(-30) == .refused(last: -48), "the same reading again confirms nothing")
        #expect(guardian.observe(-29.5) == .refused(last: -48))
        #expect(guardian.observe(-29.8) == .newLevel(from: -48))
        #expect(guardian.observe(-29.0) == .accepted)
    }

    @Test func disagreeingRefusalsStartTheConfirmationAgain() {
        var guardian = StepGuard(maxStep: 5, confirmations: 3)
        _ = guardian.observe(0)
        #expect(guardian.observe(20) == .refused(last: 0))
        #expect(guardian.observe(21) == .refused(last: 0))
        #expect(guardian.observe(40) == .refused(last: 0), "40 does not agree with 21: a new run begins")
        #expect(guardian.observe(41) == .refused(last: 0))
        #expect(guardian.observe(42) == .newLevel(from: 0))
    }
}
