import CrampCore
import Testing

@Suite("Cramp patterns")
struct DiaryCrampPatternsTests {
    typealias F = DiaryFixture
    static let goals = Goals(waterMilliliters: 2000, targetMilligrams: [.magnesium: 300])
    static let span = CivilDate(year: 2026, month: 11, day: 16)...CivilDate(year: 2026, month: 11, day: 25)

    /// Ten days: a good day (2000 ml, 300 mg) on even days ago, a poor one (500 ml, nothing) on odd;
    /// night cramps after three poor days and one good day; a missed reminder before one.
    static func diary() -> DiaryRecords {
        var r = DiaryRecords()
        for ago in 0...10 {
            let good = ago % 2 == 0
            r.drinks.append(Drink(milliliters: good ? 2000 : 500, time: F.day(ago, 12, 0)))
            if good { r.doses.append(Dose(electrolyte: .magnesium, milligrams: 300, time: F.day(ago, 20, 0))) }
        }
        // Night cramps at 03:00 of days 8, 6, 4 ago (after poor days 9, 7, 5) and 1 ago (after good day 2).
        for ago in [8, 6, 4] { r.cramps.append(Cramp(time: F.day(ago, 3, 0), severity: 5, atNight: true)) }
        r.cramps.append(Cramp(time: F.day(1, 3, 0), severity: 5, atNight: true))  // after good day 2
        r.cramps.append(Cramp(time: F.day(3, 15, 0), severity: 4, atNight: false))
        r.reminderEvents.append(ReminderEventRecord(reminderID: "water", event: .missed, planned: F.day(7, 10, 0), actual: F.day(7, 10, 30)))
        return r.sorted()
    }

    @Test func countsTheDayBeforeEachCrampAndCrampFreeDays() {
        let p = CrampPatterns.compute(records: Self.diary(), goals: Self.goals, zone: F.zone, span: Self.span, now: F.now)
        let night = p.groups[0], dayGroup = p.groups[1], free = p.groups[2]
        #expect(night.count == 4)
        // 24 h before 03:00 spans noon and 20:00 of the day before: poor days 9, 7, 5, good day 2.
        #expect(night.underWater == 3)
        #expect(night.underTarget == [ElectrolyteAmount(electrolyte: .magnesium, milligrams: 3)])
        #expect(night.withMissed == 1)
        #expect(dayGroup.count == 1)
        // Every whole day of the span (9 to 1 days ago) has a cramp in it or in the 24 h after; today is not over.
        #expect(free.count == 0)
        #expect(p.lines().first == "night cramps: 3 of 4 followed a day under 60% of the water goal; cramp-free days: 0 of 0")
        #expect(p.lines().contains("day cramps: too few cramps to say (1; at least 3 needed)"))
    }

    @Test func crampFreeDaysAreWholeDaysNotFollowedByACramp() {
        var r = Self.diary()
        r.cramps.removeAll { $0.time < F.day(4, 0, 0) }  // keep only the cramps of the last 4 days
        let p = CrampPatterns.compute(records: r, goals: Self.goals, zone: F.zone, span: Self.span, now: F.now)
        let free = p.groups[2]
        // Span days 9..0 ago; cramps now at day 4 (03:00), 3 (15:00), 1 (03:00). Free: 9, 8, 7, 6 ago (day 5 is followed
        // by the cramp at day 4, 03:00); today is not over.
        #expect(free.count == 4)
        #expect(free.underWater == 2)  // days 9 and 7 ago were poor
        #expect(free.underTarget == [ElectrolyteAmount(electrolyte: .magnesium, milligrams: 2)])
        #expect(free.withMissed == 1)  // day 7 ago
        #expect(p.lines().first == "night cramps: too few cramps to say (2; at least 3 needed)")
    }

    @Test func withoutGoalsOnlyMissedRemindersAreCounted() {
        let p = CrampPatterns.compute(records: Self.diary(), goals: Goals(), zone: F.zone, span: Self.span, now: F.now)
        #expect(p.groups[0].underWater == nil)
        #expect(p.groups[0].underTarget.isEmpty)
        #expect(p.lines() == ["night cramps: 1 of 4 followed a day with a missed reminder; cramp-free days: 0 of 0",
                              "day cramps: too few cramps to say (1; at least 3 needed)"])
    }
}
