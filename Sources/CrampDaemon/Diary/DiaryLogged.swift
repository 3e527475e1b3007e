import CrampCore

/// What a `drink`, `take` or `cramp` command did, committed and ready to acknowledge.
public struct DiaryLogged: Sendable {
    public var entry: DiaryEntry
    /// The entry's id in the diary (its insertion order).
    public var id: Int64
    /// Today after the entry, for the answer and for the agenda's smart rules.
    public var today: TodaySummary
    /// The one-line answer for people (`DiaryConfirmation.logged`).
    public var message: String
    /// For a cramp: the notice to write to the journal now, if one is due. After writing it,
    /// call `DiaryStore.recordInsightNotice(_:at:)`.
    public var insight: CrampInsightNotice?
}
