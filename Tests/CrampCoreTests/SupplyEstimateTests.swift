import Testing
@testable import CrampCore

/// Issue 17 part 4: supplies, units left and the run-out, over simulated days.
@Suite struct SupplyEstimateTests {
    static let magnesium = Reminder(id: "magnesium", kind: .electrolyte, electrolyte: .magnesium, message: "Magnesium", amount: 300,
                                    schedule: .at(AtSchedule(times: [agendaTime(21, 0)])))
    static let supply = Supply(electrolyte: .magnesium, units: 30, mgPerUnit: 200, refillNotice: .hours(24 * 7))

    static func config(_ reminders: [Reminder] = [magnesium]) -> Config {
        var config = agendaConfig(reminders)
        config.supplies = [.magnesium: supply]
        return config
    }

    @Test func aDoseUsesWholeUnits() {
        #expect(Self.supply.units(forDose: 300) == 2)  // 300 mg of 200 mg tablets: two, taken whole
        #expect(Self.supply.units(forDose: 200) == 1)
        #expect(Self.supply.units(forDose: 1) == 1)
    }

    @Test func aMonthOfDosesRunsOutOnScheduleAndTellsOnceADay() {
        // 30 units, 2 a day at 21:00: fifteen days. Each evening the dose is taken.
        let count = StockCount(units: 30, at: agendaDay(8))
        var doses: [Int] = []
        var lastJournal: Instant?, lastPopup: Instant?
        var journalDays: [Int] = [], popupDays: [Int] = []
        for day in 0..<16 {
            let morning = agendaDay(9) + .hours(24 * Int64(day))
            let status = SupplyEstimate.status(of: Self.supply, count: count, dosesSinceMilligrams: doses, config: Self.config(),
                                               now: morning, zone: .utc)
            #expect(status.unitsLeft == max(0, 30 - 2 * day))
            #expect(status.unitsPerHorizon == 28)
            if status.unitsLeft > 0 {
                // Runs out when the last dose is taken: (left / 2) days from now, give or take the hour of the day.
                let days = Double((status.runOut! - morning).microseconds) / 86_400e6
                #expect(abs(days - Double(status.unitsLeft) / 2) < 0.01)
            }
            #expect(status.refillDue == (status.unitsLeft <= 14))
            // Checked every hour of the day: the journal and the popup at most once a day.
            for hour in 0..<12 {
                let now = morning + .hours(Int64(hour))
                let decision = RefillNotice.decide(status, immediate: false, lastJournal: lastJournal, lastPopup: lastPopup,
                                                   inQuietHours: hour >= 10, now: now)
                if decision.journal { lastJournal = now; journalDays.append(day) }
                if decision.popup { lastPopup = now; popupDays.append(day) }
            }
            doses.append(300)
        }
        #expect(journalDays == Array(8..<16))
        #expect(popupDays == Array(8..<16))
    }

    @Test func immediateTellsTheJournalAtOnceButNotThePopupTwiceADay() {
        let status = SupplyEstimate.status(of: Self.supply, count: StockCount(units: 4, at: agendaDay(8)), dosesSinceMilligrams: [],
                                           config: Self.config(), now: agendaDay(9), zone: .utc)
        #expect(status.refillDue)
        let decision = RefillNotice.decide(status, immediate: true, lastJournal: agendaDay(8, 30), lastPopup: agendaDay(8, 30),
                                           inQuietHours: false, now: agendaDay(9))
        #expect(decision.journal && !decision.popup)
        #expect(!RefillNotice.decide(status, immediate: false, lastJournal: nil, lastPopup: nil, inQuietHours: true, now: agendaDay(9)).popup)
        #expect(RefillNotice.message(status) == "Your magnesium runs low: 4 units left, enough until about 2026-11-27. Time to refill; then: crampd ctl stock magnesium COUNT")
    }

    @Test func noRegularScheduleSaysSoInsteadOfGuessing() {
        let chained = Reminder(id: "magnesium", kind: .electrolyte, electrolyte: .magnesium, message: "Magnesium", amount: 300,
                               schedule: .after(ChainSchedule(anchorID: "dinner", delay: .hours(2))))
        let status = SupplyEstimate.status(of: Self.supply, count: StockCount(units: 3, at: agendaDay(8)), dosesSinceMilligrams: [],
                                           config: Self.config([agendaAt("dinner", [agendaTime(19, 0)]), chained]), now: agendaDay(9), zone: .utc)
        #expect(status.unitsPerHorizon == nil && status.runOut == nil && !status.refillDue)
        #expect(status.summary == "magnesium: 3 units left (200 mg each); no regular schedule to estimate the run-out from")
        let none = SupplyEstimate.status(of: Self.supply, count: StockCount(units: 1, at: agendaDay(8)), dosesSinceMilligrams: [300],
                                         config: Self.config([]), now: agendaDay(9), zone: .utc)
        #expect(none.unitsLeft == 0 && none.refillDue && none.summary == "magnesium: 0 units left (200 mg each), none left: refill")
    }

    @Test func theSupplyIsReadAndChecked() throws {
        let config = try validConfig("[supply.magnesium]\nunits = 60\nmg_per_unit = 200\nrefill_notice = \"10d\"")
        #expect(config.supplies[.magnesium] == Supply(electrolyte: .magnesium, units: 60, mgPerUnit: 200, refillNotice: .hours(240)))
        #expect(try validConfig("[supply.calcium]\nunits = 1\nmg_per_unit = 500").supplies[.calcium]?.refillNotice == .hours(24 * 7))
        #expect(configErrors("[supply.magnesum]\nunits = 60\nmg_per_unit = 200") == [
            "config.toml:1:9: unknown supply \"magnesum\"; did you mean \"magnesium\"?; name an electrolyte, like [supply.magnesium]",
        ])
        #expect(configErrors("[supply.magnesium]\nunits = 60") == [
            "config.toml:2:1: [supply.magnesium] has no \"mg_per_unit\"; set it, like mg_per_unit = 200",
        ])
        #expect(configErrors("[supply.magnesium]\nunits = 60\nmg_per_unit = 200\ncount = 3").first?.contains("unknown key \"count\" in [supply.<electrolyte>]") == true)
    }
}
