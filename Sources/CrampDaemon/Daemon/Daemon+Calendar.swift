import CrampCore

/// `crampd ctl export --ics`: the loaded reminders as iCalendar, each on its own zone's clock.
extension Daemon {
    func calendar(days: Int) -> String {
        let entries = loaded.config.reminders.map { r in
            ScheduleCalendar.Entry(reminder: r, zone: r.zone ?? zone, lastDone: state.reminders[r.id]?.lastDone)
        }
        // Bounded (`ScheduleCalendar.maximumOccurrences`, at most 366 days): a few milliseconds.
        return ScheduleCalendar.render(entries, quietHours: loaded.config.daemon.quietHours, now: clockNow(), days: days,
                                       version: CrampdBuild.version)
    }
}
