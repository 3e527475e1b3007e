/// A parsed JSON document: the compact tree the strictness check (`StrictJSON`) walks.
///
/// Plain integers are stored as `Int64` (every number crampd sends is one); any other
/// number keeps its text, so each target type converts it exactly once, as it needs.
enum JSONValue {
    case null
    case bool(Bool)
    case integer(Int64)
    /// A valid JSON number that is not a plain `Int64`: a fraction, an exponent, or too large.
    case number(String)
    case string(String)
    /// A string with a bad escape, invalid UTF-8 or a raw control character: like JSONDecoder,
    /// an error only when read as a string, so a bad field nobody reads is no error.
    case invalidString
    case array([JSONValue])
    /// Members in document order, duplicates kept: lookups take the first, as JSONDecoder does.
    case object([(key: String, value: JSONValue)])
    /// An object with a key that is an invalid string: an error when opened as an object.
    case invalidObject

    /// How JSONDecoder names the kind in "Expected to decode X but found … instead."
    var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "bool"
        case .integer, .number: "number"
        case .string, .invalidString: "a string"
        case .array: "an array"
        case .object, .invalidObject: "a dictionary"
        }
    }
}
