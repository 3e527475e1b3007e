/// The diary's schema, one migration step per `user_version` (step i takes version i to i + 1).
/// Steps are never edited once released; a change is a new step.
enum DiarySchema {
    static let migrations: [String] = [
        // 1: intake and cramps in one table, so `id` is the insertion order `undo` needs
        //    (AUTOINCREMENT: an undone id is never handed out again); reminder events; insight notices.
        """
        CREATE TABLE entry (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            kind        TEXT    NOT NULL CHECK (kind IN ('drink', 'dose', 'cramp')),
            time_usec   INTEGER NOT NULL,
            amount      INTEGER CHECK (amount IS NULL OR amount > 0),      -- ml for a drink, mg for a dose
            electrolyte TEXT,
            muscle      TEXT,
            severity    INTEGER CHECK (severity IS NULL OR severity BETWEEN 1 AND 10),
            at_night    INTEGER CHECK (at_night IS NULL OR at_night IN (0, 1)),
            note        TEXT,
            CHECK (kind <> 'drink' OR amount IS NOT NULL),
            CHECK (kind <> 'dose'  OR (amount IS NOT NULL AND electrolyte IS NOT NULL)),
            CHECK (kind <> 'cramp' OR (severity IS NOT NULL AND at_night IS NOT NULL))
        );
        CREATE INDEX entry_by_time ON entry (time_usec);
        CREATE INDEX entry_by_kind_time ON entry (kind, time_usec);
        CREATE TABLE reminder_event (
            id           INTEGER PRIMARY KEY,
            reminder     TEXT    NOT NULL,
            event        TEXT    NOT NULL,
            planned_usec INTEGER,
            actual_usec  INTEGER NOT NULL
        );
        CREATE INDEX reminder_event_by_time ON reminder_event (actual_usec);
        CREATE TABLE insight_notice (
            id        INTEGER PRIMARY KEY,
            time_usec INTEGER NOT NULL,
            message   TEXT    NOT NULL
        );
        """,
        // 2: supplies (issue 17 part 4): each count (`crampd ctl stock`, or the config's `units` when
        //    crampd first saw the supply), and when a refill popup was last shown (at most once a day).
        """
        CREATE TABLE stock_count (
            id          INTEGER PRIMARY KEY,
            electrolyte TEXT    NOT NULL,
            units       INTEGER NOT NULL CHECK (units >= 0),
            time_usec   INTEGER NOT NULL
        );
        CREATE INDEX stock_count_by_electrolyte ON stock_count (electrolyte, time_usec);
        CREATE TABLE refill_popup (
            electrolyte TEXT    PRIMARY KEY,
            time_usec   INTEGER NOT NULL
        );
        """,
    ]
}
