import CrampCore
import Testing

@Suite("Diary cramp insight")
struct DiaryCrampInsightTests {
    func cramp(_ time: Instant, severity: Int = 5, night: Bool = false) -> Cramp {
        Cramp(time: time, severity: severity, atNight: night)
    }
    let now = DiaryFixture.now

    @Test func twoCrampsInAWeekAreNotYetANotice() {
        let cramps = [cramp(DiaryFixture.day(3, 3, 0)), cramp(DiaryFixture.day(1, 3, 0))]
        #expect(CrampInsight.evaluate(cramps: cramps, lastNoticeAt: nil, now: now) == nil)
    }

    @Test func threeCrampsInSevenDaysAreANotice() throws {
        let cramps = [cramp(DiaryFixture.day(6, 16, 0), night: true), cramp(DiaryFixture.day(3, 3, 0), night: true), cramp(DiaryFixture.day(0, 3, 0))]
        let notice = try #require(CrampInsight.evaluate(cramps: cramps, lastNoticeAt: nil, now: now))
        #expect(notice.reason == .frequent(count: 3))
        #expect(notice.message == "You logged 3 cramps in the last 7 days (2 at night). Frequent or severe cramps deserve a doctor's visit, "
            + "especially with weakness or numbness. This is general information from crampd, not medical advice.")
    }

    @Test func aCrampExactlySevenDaysOldIsOutsideTheWindow() {
        let cramps = [cramp(now - .hours(24 * 7)), cramp(DiaryFixture.day(3, 3, 0)), cramp(DiaryFixture.day(0, 3, 0))]
        #expect(CrampInsight.evaluate(cramps: cramps, lastNoticeAt: nil, now: now) == nil)
        let justInside = [cramp(now - .hours(24 * 7) + TimeSpan(microseconds: 1))] + cramps.dropFirst()
        #expect(CrampInsight.evaluate(cramps: justInside, lastNoticeAt: nil, now: now) != nil)
    }

    @Test func oneSevereCrampIsANotice() throws {
        #expect(CrampInsight.evaluate(cramps: [cramp(DiaryFixture.day(2, 3, 0), severity: 7)], lastNoticeAt: nil, now: now) == nil)
        let severe = cramp(DiaryFixture.day(2, 3, 0), severity: 8)
        let notice = try #require(CrampInsight.evaluate(cramps: [severe], lastNoticeAt: nil, now: now))
        #expect(notice.reason == .severe(severity: 8, at: severe.time))
        #expect(notice.message.hasPrefix("You logged a cramp of severity 8 in the last 7 days. Frequent or severe cramps deserve a doctor's visit"))
    }

    @Test func atMostOnceAWeek() {
        let noticeAt = DiaryFixture.day(0, 10, 0)
        let earlier = [cramp(DiaryFixture.day(2, 3, 0)), cramp(DiaryFixture.day(1, 3, 0)), cramp(DiaryFixture.day(0, 3, 0))]
        // The day after the notice, more cramps: still quiet.
        let more = earlier + [cramp(DiaryFixture.day(-1, 3, 0), severity: 9)]
        #expect(CrampInsight.evaluate(cramps: more, lastNoticeAt: noticeAt, now: DiaryFixture.day(-1, 12, 0)) == nil)
        // A week minus a minute after it: quiet.
        let weekLater = noticeAt + .hours(24 * 7)
        let continuing = more + [cramp(DiaryFixture.day(-5, 3, 0)), cramp(DiaryFixture.day(-6, 3, 0))]
        #expect(CrampInsight.evaluate(cramps: continuing, lastNoticeAt: noticeAt, now: weekLater - .minutes(1)) == nil)
        // A week after it, with cramps since: a new notice.
        #expect(CrampInsight.evaluate(cramps: continuing, lastNoticeAt: noticeAt, now: weekLater) != nil)
    }

    @Test func theSameCrampsNeverTriggerTwice() {
        // All three cramps came before the notice; a week later they alone say nothing new.
        let noticeAt = DiaryFixture.day(0, 10, 0)
        let cramps = [cramp(noticeAt - .minutes(3)), cramp(noticeAt - .minutes(2)), cramp(noticeAt - .minutes(1), severity: 9)]
        let rule = CrampInsightRule(window: .hours(24 * 14))
        #expect(CrampInsight.evaluate(cramps: cramps, lastNoticeAt: nil, now: noticeAt, rule: rule) != nil)
        #expect(CrampInsight.evaluate(cramps: cramps, lastNoticeAt: noticeAt, now: noticeAt + .hours(24 * 8), rule: rule) == nil)
    }
}
