/// A TOML document that cannot be read: what is wrong and the byte offset
/// where it is. Line and column are computed only when rendering.
public struct TOMLError: Error, Equatable, Sendable {
    /// Which rule was broken, for callers that react to the kind of problem.
    public enum Kind: Equatable, Sendable {
        /// The bytes do not match the grammar ("expected X, got Y").
        case syntax
        /// The input is not valid UTF-8, or holds a character TOML forbids there.
        case encoding
        /// A well-formed value out of range: integer overflow, February 30, hour 24.
        case invalidValue
        /// A key or table defined twice, or a table extended where TOML forbids it.
        case redefinition
        /// Arrays, inline tables or keys nested deeper than `TOML.maxDepth`.
        case tooDeep
    }

    public var kind: Kind
    /// The complete message, without location: `expected '=' after key "every", got ':'`.
    public var message: String
    /// Byte offset of the problem in the document.
    public var offset: Int
    /// Byte offset of an earlier definition this error refers to, if any.
    public var relatedOffset: Int?

    public init(_ kind: Kind, _ message: String, at offset: Int, relatedOffset: Int? = nil) {
        self.kind = kind
        self.message = message
        self.offset = offset
        self.relatedOffset = relatedOffset
    }

    /// `name:line:column: message`, the source line and a caret under the spot.
    public func rendered(in source: SourceText) -> String {
        source.render(message: message, at: offset)
    }
}
