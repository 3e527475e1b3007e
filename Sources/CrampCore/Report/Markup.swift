/// An HTML (or inline SVG) tree that escapes by construction: text and attribute values are
/// always escaped when rendered, element and attribute names are checked to be plain words,
/// and the only unescaped text is a style sheet given as a literal in our source (`StaticString`),
/// so nothing from the diary or the config can become markup.
public indirect enum Markup: Sendable {
    case element(name: String, attributes: [(name: String, value: String)], children: [Markup])
    case text(String)
    /// CSS written in our source code; never built from data.
    case styleSheet(StaticString)

    /// `<name a="v">children</name>`; names must be ASCII letters, digits, '-' or ':' (a bug otherwise).
    public static func el(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], _ children: [Markup] = []) -> Markup {
        precondition(isPlainName(name), "BUG: element name \(name) is not a plain name")
        for (key, _) in attributes { precondition(isPlainName(key), "BUG: attribute name \(key) is not a plain name") }
        return .element(name: name, attributes: attributes.map { (name: $0.key, value: $0.value) }, children: children)
    }

    /// `<name>children</name>`
    public static func el(_ name: String, _ children: [Markup]) -> Markup { el(name, [:], children) }

    /// `<name>text</name>`
    public static func el(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String) -> Markup {
        el(name, attributes, [.text(text)])
    }

    /// The whole document: doctype and tree.
    public static func document(_ root: Markup) -> String {
        var out = "<!DOCTYPE html>\n"
        root.render(into: &out)
        out += "\n"
        return out
    }

    public func render(into out: inout String) {
        switch self {
        case .text(let s):
            out += Self.escaped(s)
        case .styleSheet(let css):
            out += css.description
        case .element(let name, let attributes, let children):
            out += "<" + name
            for a in attributes { out += " " + a.name + "=\"" + Self.escaped(a.value) + "\"" }
            out += ">"
            guard !Self.voidElements.contains(name) else { return }
            for child in children { child.render(into: &out) }
            out += "</" + name + ">"
        }
    }

    /// HTML elements that have no end tag.
    static let voidElements: Set<String> = ["meta", "br", "hr", "img", "link"]

    /// Text safe both between tags and inside a double- or single-quoted attribute value.
    public static func escaped(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static func isPlainName(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy {
            ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "-" || $0 == ":"
        }
    }

    /// A coordinate for SVG: at most one decimal, no exponent ("12.5", "3", "-0.5").
    public static func number(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let tenths = Int((x * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let a = abs(tenths)
        return sign + String(a / 10) + (a % 10 == 0 ? "" : "." + String(a % 10))
    }
}
