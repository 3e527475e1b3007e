import CrampCore
import Testing

/// Instant and TimeSpan arithmetic saturates: no input reaches a trap through a sum.
@Suite struct InstantArithmeticTests {
    static let extremes: [Int64] = [.min, .min + 1, -1, 0, 1, .max - 1, .max]

    @Test(arguments: extremes, extremes)
    func sumsAndDifferencesSaturate(a: Int64, b: Int64) {
        let sum = Instant(microseconds: a) + TimeSpan(microseconds: b)
        let difference = Instant(microseconds: a) - TimeSpan(microseconds: b)
        let between = Instant(microseconds: a) - Instant(microseconds: b)
        let (exactSum, sumOverflow) = a.addingReportingOverflow(b)
        let (exactDifference, differenceOverflow) = a.subtractingReportingOverflow(b)
        #expect(sum.microseconds == (sumOverflow ? (b > 0 ? .max : .min) : exactSum))
        #expect(difference.microseconds == (differenceOverflow ? (b < 0 ? .max : .min) : exactDifference))
        #expect(between.microseconds == difference.microseconds)
        #expect((TimeSpan(microseconds: a) + TimeSpan(microseconds: b)).microseconds == sum.microseconds)
        let (exactProduct, productOverflow) = a.multipliedReportingOverflow(by: b)
        let product = (TimeSpan(microseconds: a) * b).microseconds
        #expect(product == (productOverflow ? ((a < 0) == (b < 0) ? .max : .min) : exactProduct))
    }

    @Test func unitConstructorsSaturate() {
        #expect(Instant(seconds: .max).microseconds == .max)
        #expect(Instant(seconds: .min).microseconds == .min)
        #expect(TimeSpan.hours(2_562_047_789).microseconds == .max)
        #expect(TimeSpan.days(.max).microseconds == .max)
        #expect(TimeSpan.minutes(.min).microseconds == .min)
    }

    @Test func theAcceptedInstantsAreTheYears1970To9999() {
        let utc = Zone.utc
        #expect(utc.localDateTime(at: Instant.accepted.lowerBound) == LocalDateTime(date: CivilDate(year: 1970, month: 1, day: 1), time: TimeOfDay(hour: 0, minute: 0)))
        #expect(utc.localDateTime(at: Instant.accepted.upperBound)
            == LocalDateTime(date: CivilDate(year: 9999, month: 12, day: 31), time: TimeOfDay(hour: 23, minute: 59, second: 59, microsecond: 999_999)))
        // The latest instant plus the longest duration is still far inside Int64.
        #expect((Instant.accepted.upperBound + .maximum).microseconds < Int64.max / 2)
    }
}
