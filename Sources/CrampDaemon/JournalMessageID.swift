/// The fixed `MESSAGE_ID` of every kind of journal entry crampd writes.
///
/// `journalctl MESSAGE_ID=<id>` finds every event of one kind across renames of its text,
/// and `journalctl -x` shows the matching entry of `systemd/crampd.catalog`: why it matters
/// and what to do. The ids never change; a test (`Tests/e2e/units.sh`) checks that each
/// has a catalog entry. Generated with `systemd-id128 new`.
public enum JournalMessageID: String, CaseIterable, Sendable {
    /// A reminder is due now: drink, or take an electrolyte.
    case reminderDue = "35dc5bf6d5da48e09834d50076fc15c0"
    /// A reminder passed its grace period unanswered, or was due while crampd could not fire it.
    case reminderMissed = "2c89ea735c5b4a30bdac999eb34866c6"
    /// An unanswered reminder comes again (`repeat`): `CRAMPD_REPEAT` counts the follow-ups.
    case reminderRepeated = "5f89b010dc8142fba89113108736bf50"
    /// A reminder that fell due while crampd was down or the machine slept fires once, late.
    case catchUp = "b27d9886525646a492c0fa5e9ad1daec"
    /// A reminder was postponed (`crampd ctl snooze`).
    case snoozed = "c9f05d8c18fe472399dadf0bc5add8e3"
    /// A reminder was confirmed (`crampd ctl done`); its amount counts as intake.
    case done = "f3296d6837e044a290986c7aaf51dae2"
    /// A reminder was skipped for this time (`crampd ctl skip`).
    case skipped = "bb4a04a89c95444b95ffcd78bade8d97"
    /// A new configuration had errors; the previous one keeps running.
    case configError = "609b32cc24bb4d67a66b36fde949e0db"
    /// The daemon started and is ready.
    case daemonStarted = "7cff0eee88f04d36b7f24246e34e5bd6"
    /// The daemon loaded a new configuration.
    case daemonReloaded = "d213c9751da84d03ba2643b588860953"
    /// The daemon is shutting down.
    case daemonStopping = "a9a165e212344934a889e1e3fba03fc2"
    /// Cramps were frequent or severe enough to suggest seeing a doctor (at most once a week).
    case crampInsight = "4373bebf4e70464295e4f67369a3dc0a"
    /// The diary database was damaged; it was moved aside and a new one started.
    case diaryRecovered = "47a28668d9eb4049b64c259b5ad20b2b"
    /// "Done" was pressed on a desktop notification.
    case desktopActionDone = "569186d5256c45b59bd9ea063c10995d"
    /// "Snooze" was pressed on a desktop notification.
    case desktopActionSnoozed = "eb1d0399219c49a3a083bb83b20cebb5"
    /// A desktop notification was closed without pressing a button.
    case notificationDismissed = "66b8ccbe962c4a38a5e989da5fa74e1c"
    /// The system time zone changed while crampd ran; every reminder was re-planned in the new one.
    case zoneChanged = "d558b4af69994682bf769846cd895f12"

    /// All reminders were paused (`crampd ctl pause`).
    case paused = "c260ecf97d564142a0e89012a287a2cf"
    /// A pause ended early (`crampd ctl resume`).
    case resumed = "d9f1236d858f435698d6cd13ac21cebe"
    /// A reminder's keys were changed (`crampd ctl set`).
    case reminderChanged = "b82cd15f41b54fb08bdec6196ba7af0e"
    /// A reminder was added (`crampd ctl add`).
    case reminderAdded = "9c2d24ad1f7c45dbb3c696bbc8719869"
    /// A reminder was removed (`crampd ctl remove`).
    case reminderRemoved = "aa0c654ca8e94f4d9f1574382e644603"
    /// Every ctl change to a reminder was undone (`crampd ctl reset`).
    case reminderReset = "8062250ffef544b3b4e080dc49d68ed7"
    /// A due reminder was held (journal only) while the person was away, locked, asleep or in do-not-disturb.
    case reminderHeld = "000171f08f7e4ff08ecbfda15b4d86bc"
    /// The person is back: the one message saying what was held meanwhile.
    case back = "b751a1e6e63f43ba97e7b95d7a388c05"

    /// A drink was logged (`crampd ctl drink`).
    case drinkLogged = "6cf43b2e81f744b5934a235d0b5f0c53"
    /// An electrolyte dose was logged (`crampd ctl take`).
    case doseLogged = "efbb30942cb8472b8017f9daa0794184"
    /// A cramp was logged (`crampd ctl cramp`).
    case crampLogged = "6845f2fb1ae54753b44bb238295f7176"
    /// Today's water reached the daily goal.
    case waterGoalMet = "00c11e84927341bd9a32c93214f824cc"
    /// A `water_checkpoints` checkpoint found the day's water behind it (`CRAMPD_EVENT=behind`).
    case waterBehind = "da6351fbfa2e40e5aeaf9ca3bdbf123e"
    /// A supply is estimated to run out within its `refill_notice` (`CRAMPD_EVENT=refill`).
    case refill = "ae43e7ed0c04456dbedb894989c6089f"

    /// The journal field carrying this id: `("MESSAGE_ID", "35dc…")`.
    public var field: (name: String, value: String) { ("MESSAGE_ID", rawValue) }
}
