/// Why a line is not JSON, and where: a value, so the parser's typed throws cost no allocation.
struct JSONSyntaxError: Error, CustomStringConvertible {
    /// The byte offset into the line; -1 when found only on reading the value.
    var offset: Int
    /// What the grammar needed there, e.g. "',' or ']'".
    var expected: String

    var description: String { offset < 0 ? "expected \(expected)" : "expected \(expected) at byte \(offset)" }
}
