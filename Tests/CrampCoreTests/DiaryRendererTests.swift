import CrampCore
import Testing

@Suite("Diary renderers")
struct DiaryRendererTests {
    let today = TodaySummary.compute(records: DiaryFixture.records, goals: DiaryFixture.goals, zone: .utc,
                                     now: DiaryFixture.now, stillDue: DiaryFixture.stillDue)
    let week = DiaryStats.compute(records: DiaryFixture.records, goals: DiaryFixture.goals, zone: .utc, now: DiaryFixture.now, days: 7)

    @Test func todayInATerminal() {
        #expect(TodayRenderer.render(today, zone: .utc, isTerminal: true, width: 80) == """
        Today, Wed 2026-11-25 (UTC)
        Water       ████████▏       1250 of 2000 ml   62%  3 drinks, last at 14:03
        Sodium                         0 of 1500 mg    0%
        Potassium                            300 mg        no target
        Magnesium   █████████████     450 of 300 mg  150%  above the daily cap of 400 mg
        Still due   16:00  water (250 ml)
                    21:00  magnesium (200 mg)
        Cramps      03:10  calf, severity 6, at night

        """)
    }

    @Test func todayPlain() {
        #expect(TodayRenderer.render(today, zone: .utc, isTerminal: false, width: 80) == """
        Today, Wed 2026-11-25 (UTC)
        Water        1250 of 2000 ml   62%  3 drinks, last at 14:03
        Sodium          0 of 1500 mg    0%
        Potassium             300 mg        no target
        Magnesium      450 of 300 mg  150%  above the daily cap of 400 mg
        Still due   16:00  water (250 ml)
                    21:00  magnesium (200 mg)
        Cramps      03:10  calf, severity 6, at night

        """)
    }

    @Test func todayWithNothingLogged() {
        let empty = TodaySummary.compute(records: DiaryRecords(), goals: Goals(), zone: .utc, now: DiaryFixture.now)
        #expect(TodayRenderer.render(empty, zone: .utc, isTerminal: false) == """
        Today, Wed 2026-11-25 (UTC)
        Water                   0 ml        0 drinks; no daily goal set
        Still due   nothing more today
        Cramps      none today

        """)
    }

    @Test func statsInATerminal() {
        #expect(StatsRenderer.render(week, isTerminal: true, width: 80) == """
        Last 7 days, 2026-11-19 to 2026-11-25 (UTC); goal 2000 ml a day
        Thu 11-19                 ┆     0 ml    0%
        Fri 11-20                 ┆     0 ml    0%
        Sat 11-21                 ┆     0 ml    0%
        Sun 11-22                 ┆     0 ml    0%
        Mon 11-23                 ┆     0 ml    0%
        Tue 11-24  ████████████████  2000 ml  100% ✓  done 1/1     cramps 1 (1 at night)
        Wed 11-25  ██████████     ┆  1250 ml   62%    done 1/3     cramps 1 (1 at night)

        Water         average 464 ml a day; goal met on 1 of 7 days
        Electrolytes  sodium         0 mg in all,    0 mg a day (target 1500)
                      potassium    300 mg in all,   42 mg a day
                      magnesium    450 mg in all,   64 mg a day (target 300, cap 400)
        Reminders     done 2 of 4 (50%); 1 skipped, 1 missed
        Cramps        2, 2 of them at night

        """)
    }

    @Test func statsPlainForPipes() {
        #expect(StatsRenderer.render(week, isTerminal: false, width: 80) == """
        Last 7 days, 2026-11-19 to 2026-11-25 (UTC); goal 2000 ml a day
        date        water_ml  goal_pct   due  done  cramps  night_cramps
        2026-11-19         0         0     0     0       0             0
        2026-11-20         0         0     0     0       0             0
        2026-11-21         0         0     0     0       0             0
        2026-11-22         0         0     0     0       0             0
        2026-11-23         0         0     0     0       0             0
        2026-11-24      2000       100     1     1       1             1
        2026-11-25      1250        62     3     1       1             1

        Water         average 464 ml a day; goal met on 1 of 7 days
        Electrolytes  sodium         0 mg in all,    0 mg a day (target 1500)
                      potassium    300 mg in all,   42 mg a day
                      magnesium    450 mg in all,   64 mg a day (target 300, cap 400)
        Reminders     done 2 of 4 (50%); 1 skipped, 1 missed
        Cramps        2, 2 of them at night

        """)
    }

    @Test func statsBarsGrowWithTheTerminal() {
        let wide = StatsRenderer.render(week, isTerminal: true, width: 120)
        #expect(wide.contains("Tue 11-24  " + String(repeating: "█", count: 40) + "  2000 ml"))
        #expect(wide.contains("Wed 11-25  " + String(repeating: "█", count: 25) + String(repeating: " ", count: 14) + "┆  1250 ml"))
        let narrow = StatsRenderer.render(week, isTerminal: true, width: 70)
        #expect(narrow.contains("Tue 11-24  " + String(repeating: "█", count: 6) + "  2000 ml"))
        #expect(narrow.split(separator: "\n").filter { $0.contains(" ml") }.allSatisfy { $0.count <= 70 })
        #expect(StatsRenderer.render(week, isTerminal: true, width: 80).split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test func aNarrowTerminalDropsTheNightCountBeforeTheBars() {
        let narrow = StatsRenderer.render(week, isTerminal: true, width: 69)
        #expect(narrow.contains("Tue 11-24  " + String(repeating: "█", count: 18) + "  2000 ml  100% ✓  done 1/1     cramps 1\n"))
        #expect(StatsRenderer.render(week, isTerminal: true, width: 40) == StatsRenderer.render(week, isTerminal: false, width: 40))
    }

    /// Issue 14 item 19: `today` and `stats` fit 60 columns on a terminal, bars included.
    @Test(arguments: [60, 61, 64, 72]) func todayAndStatsFitANarrowTerminal(width: Int) {
        for text in [TodayRenderer.render(today, zone: .utc, isTerminal: true, width: width),
                     StatsRenderer.render(week, isTerminal: true, width: width)] {
            #expect(text.split(separator: "\n").allSatisfy { $0.count <= width }, "\(width):\n\(text)")
            #expect(text.contains("█"), "bars even at \(width) columns")
        }
    }

    @Test func todayAtSixtyColumns() {
        #expect(TodayRenderer.render(today, zone: .utc, isTerminal: true, width: 60) == """
        Today, Wed 2026-11-25 (UTC)
        Water       ███████████████            1250 of 2000 ml   62%
                    3 drinks, last at 14:03
        Sodium                                    0 of 1500 mg    0%
        Potassium                                       300 mg
                    no target
        Magnesium   ████████████████████████     450 of 300 mg  150%
                    above the daily cap of 400 mg
        Still due   16:00  water (250 ml)
                    21:00  magnesium (200 mg)
        Cramps      03:10  calf, severity 6, at night

        """)
    }

    /// Issue 14 item 19: without a UTF-8 locale, bars and marks are ASCII.
    @Test func asciiBarsForPlainLocales() {
        let stats = StatsRenderer.render(week, isTerminal: true, width: 80, glyphs: .ascii)
        #expect(stats.contains("Tue 11-24  ################  2000 ml  100% *  done 1/1"))
        #expect(stats.contains("Wed 11-25  ##########     |  1250 ml"))
        let todayText = TodayRenderer.render(today, zone: .utc, isTerminal: true, width: 80, glyphs: .ascii)
        #expect(todayText.unicodeScalars.allSatisfy { $0.isASCII }, "\(todayText)")
        #expect(BlockBar.draw(value: 1, scale: 8, width: 1, glyphs: .ascii) == " ")
        #expect(BlockBar.draw(value: 5, scale: 8, width: 2, glyphs: .ascii) == "# ")
    }

    @Test func theGoalIsMarkedOnlyWhereTheBarFallsShort() {
        #expect(BlockBar.draw(value: 1000, scale: 2000, width: 8, goal: 1500) == "████  ┆ ")
        #expect(BlockBar.draw(value: 1600, scale: 2000, width: 8, goal: 1500) == "██████▍ ")
        #expect(BlockBar.draw(value: 0, scale: 2000, width: 8, goal: 2000) == "       ┆")
        #expect(BlockBar.draw(value: 0, scale: 2000, width: 8, goal: nil) == "        ")
    }

    @Test func blockBarsDrawEighths() {
        #expect(BlockBar.draw(value: 1, scale: 8, width: 1) == "▏")
        #expect(BlockBar.draw(value: 4, scale: 8, width: 1) == "▌")
        #expect(BlockBar.draw(value: 7, scale: 8, width: 1) == "▉")
        #expect(BlockBar.draw(value: 8, scale: 8, width: 1) == "█")
        #expect(BlockBar.draw(value: 9, scale: 16, width: 2) == "█▏")
        #expect(BlockBar.draw(value: 0, scale: 8, width: 3) == "   ")
        #expect(BlockBar.draw(value: 100, scale: 8, width: 3) == "███")  // clamped
        #expect(BlockBar.draw(value: 5, scale: 0, width: 2) == "  ")     // nothing to compare with
        #expect(BlockBar.draw(value: 1250, scale: 2000, width: 28) == String(repeating: "█", count: 17) + "▌" + String(repeating: " ", count: 10))
    }
}

/// `crampd ctl today --date DATE`: an earlier day, shown as `today` shows today (issue 14 item 21).
struct PastDayTests {
    @Test func anEarlierDayEndsAtItsLastInstantAndTodayIsNotPast() throws {
        let yesterday = try #require(try PastDay.parse("2026-11-24", now: DiaryFixture.now, zone: .utc).get())
        #expect(yesterday.lastInstant == DiaryFixture.today(0, 0) - TimeSpan(microseconds: 1))
        #expect(try PastDay.parse("2026-11-25", now: DiaryFixture.now, zone: .utc).get() == nil)
        #expect(PastDay.parse("2026-11-26", now: DiaryFixture.now, zone: .utc)
                == .failure(.dateInTheFuture("2026-11-26", today: CivilDate(year: 2026, month: 11, day: 25))))
        #expect(PastDay.parse("2026-02-30", now: DiaryFixture.now, zone: .utc) == .failure(.dateMalformed("2026-02-30")))
    }

    @Test func anEarlierDayReadsLikeTodayWithItsDate() throws {
        let yesterday = try #require(try PastDay.parse("2026-11-24", now: DiaryFixture.now, zone: .utc).get())
        let summary = TodaySummary.compute(records: DiaryFixture.records, goals: DiaryFixture.goals, zone: .utc,
                                           now: yesterday.lastInstant)
        let text = TodayRenderer.render(summary, zone: .utc, isTerminal: false, isToday: false)
        #expect(text.hasPrefix("Tue 2026-11-24 (UTC)\nWater        2000 of 2000 ml  100%"))
        #expect(!text.contains("Still due"))
    }
}
