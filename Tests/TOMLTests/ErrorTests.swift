import Testing
@testable import TOML

/// `line:column: message` of the error a document raises, or "no error".
func failure(_ text: String, _ version: TOMLVersion = .v1_1) -> String {
    failure(Array(text.utf8), version)
}

func failure(_ bytes: [UInt8], _ version: TOMLVersion = .v1_1) -> String {
    do {
        _ = try TOML.parse(bytes, version: version)
        return "no error"
    } catch {
        let (line, column) = SourceText(name: "t", bytes: bytes).lineAndColumn(of: error.offset)
        return "\(line):\(column): \(error.message)"
    }
}

/// One representative invalid document per rule, with the exact message and
/// location it must produce.
@Suite struct ErrorMessageTests {
    @Test func keyValueSyntax() {
        #expect(failure("every: 3") == #"1:6: expected '=' after key "every", got ':'"#)
        #expect(failure("a.b c = 1") == #"1:5: expected '=' after key "a.b", got 'c'"#)
        #expect(failure("= 1") == "1:1: expected a key, got '='")
        #expect(failure("a. = 1") == "1:4: expected a key, got '='")
        #expect(failure("é = 1") == "1:1: expected a key, got 'é'")
        #expect(failure(#""""a""" = 1"#) == "1:1: expected a key, got a multi-line string (keys are single-line strings)")
        #expect(failure("a = 1 b") == "1:7: expected a newline or comment after a value, got 'b'")
        #expect(failure("a = ") == "1:5: expected a value, got end of file")
        #expect(failure("a =\n1") == "1:4: expected a value, got end of line")
        #expect(failure("a = tru") == "1:5: expected a value, got 'tru'")
        #expect(failure("a = nah") == "1:5: expected a value, got 'nah'")
    }

    @Test func tableHeaders() {
        #expect(failure("[a") == "1:3: expected ']' after the table name, got end of file")
        #expect(failure("[[a]") == "1:5: expected ']]' after the array of tables name, got end of file")
        #expect(failure("[[a] ]") == "1:5: expected ']]' after the array of tables name, got ' '")
        #expect(failure("[]") == "1:2: expected a key, got ']'")
        #expect(failure("[a] b") == "1:5: expected a newline or comment after a table header, got 'b'")
    }

    @Test func duplicateKeysNameTheFirstDefinition() {
        #expect(failure("a = 1\nb = 2\na = 3") == #"3:1: duplicate key "a" (first defined at line 1, column 1)"#)
        #expect(failure("a.b.c = 1\na.b = 2") == #"2:3: duplicate key "a.b" (first defined at line 1, column 3)"#)
        #expect(failure("a = 1\na.b = 2") == #"2:1: duplicate key "a" (first defined at line 1, column 1)"#)
        #expect(failure(#"a = 1"# + "\n" + #""a" = 2"#) == #"2:1: duplicate key "a" (first defined at line 1, column 1)"#)
        #expect(failure("\"a b\" = 1\n'a b' = 2") == #"2:1: duplicate key "\"a b\"" (first defined at line 1, column 1)"#)
        #expect(failure("a = {b = 1, b = 2}") == #"1:13: duplicate key "b" (first defined at line 1, column 6)"#)
        #expect(failure("a = {b = 1}\na.c = 2") == #"2:1: duplicate key "a" (first defined at line 1, column 1)"#)
    }

    @Test func tableRedefinitions() {
        #expect(failure("[a]\n[a]") == "2:2: duplicate table [a] (first defined at line 1, column 2)")
        #expect(failure("[x.a]\n[x]\n[x.a]") == "3:4: duplicate table [x.a] (first defined at line 1, column 4)")
        #expect(failure("a.b = 1\n[a]") == "2:2: table [a] was already defined by dotted keys (first defined at line 1, column 1)")
        #expect(failure("[a]\nx.y = 1\n[a.x]") == "3:4: table [a.x] was already defined by dotted keys (first defined at line 2, column 1)")
        #expect(failure("[a]\n[[a]]") == "2:3: array of tables [[a]] conflicts with table [a] (first defined at line 1, column 2)")
        #expect(failure("[[a]]\n[a]") == "2:2: table [a] conflicts with array of tables [[a]] (first defined at line 1, column 3)")
        #expect(failure("a = 1\n[a]") == #"2:2: duplicate key "a" (first defined at line 1, column 1)"#)
        #expect(failure("a = 1\n[a.b]") == #"2:2: duplicate key "a" (first defined at line 1, column 1)"#)
        #expect(failure("a = [1]\n[[a]]") == #"2:3: duplicate key "a" (first defined at line 1, column 1)"#)
        #expect(failure("a = {}\n[a.b]") == #"2:2: duplicate key "a" (first defined at line 1, column 1)"#)
        #expect(failure("[a.b]\nx = 1\n[a]\nb.y = 2") == #"4:1: dotted key "b.y" cannot extend "b", a table defined by a header (first defined at line 1, column 4)"#)
        #expect(failure("[[t.a]]\n[t]\na.x = 1") == #"3:1: dotted key "a.x" cannot extend "a", an array of tables (first defined at line 1, column 5)"#)
    }

    @Test func redefinitionsCarryTheEarlierOffset() throws {
        let error = try #require(throws: TOMLError.self) { try TOML.parse("x = 0\na = 1\na = 2") }
        #expect(error.kind == .redefinition)
        #expect(error.offset == 12)
        #expect(error.relatedOffset == 6)
    }

    @Test func arrays() {
        #expect(failure("a = [1 2]") == "1:8: expected ',' or ']' after an array element, got '2'")
        #expect(failure("a = [1,,2]") == "1:8: expected a value, got ','")
        #expect(failure("a = [1, 2") == "1:10: expected ',' or ']' after an array element, got end of file")
        #expect(failure("a = [,]") == "1:6: expected a value, got ','")
    }

    @Test func inlineTables() {
        #expect(failure("a = {b = 1") == "1:11: expected ',' or '}' after an inline table entry, got end of file")
        #expect(failure("a = {b = 1 c = 2}") == "1:12: expected ',' or '}' after an inline table entry, got 'c'")
        #expect(failure("a = {b = 1,}", .v1_0) == "1:12: expected a key after ',', got '}' (a trailing comma in an inline table needs TOML 1.1)")
        #expect(failure("a = {b = 1,}", .v1_1) == "no error")
        #expect(failure("a = {\nb = 1}", .v1_0) == "1:6: expected a key or '}', got end of line (newlines in an inline table need TOML 1.1)")
        #expect(failure("a = {b = 1\n}", .v1_0) == "1:11: expected ',' or '}' after an inline table entry, got end of line (newlines in an inline table need TOML 1.1)")
        #expect(failure("a = {b = 1 # c\n}", .v1_1) == "no error")
        #expect(failure("a = {,}") == "1:6: expected a key, got ','")
    }

    @Test func strings() {
        #expect(failure(#"a = "abc"#) == #"1:9: expected '"' to close the string, got end of file"#)
        #expect(failure("a = \"abc\nb = 1") == #"1:9: expected '"' to close the string, got end of line"#)
        #expect(failure("a = \"\u{01}\"") == "1:6: control character U+0001 is not allowed in a string; write it as an escape")
        #expect(failure("a = \"\u{7F}\"") == "1:6: control character U+007F is not allowed in a string; write it as an escape")
        #expect(failure(#"a = "\q""#) == #"1:7: expected an escape sequence (\b \t \n \f \r \e \" \\ \xHH \uHHHH \UHHHHHHHH) after '\', got 'q'"#)
        #expect(failure(#"a = "\e""#, .v1_0) == #"1:7: expected an escape sequence (\b \t \n \f \r \" \\ \uHHHH \UHHHHHHHH) after '\', got 'e'"#)
        #expect(failure(#"a = "\x41""#, .v1_0) == #"1:7: expected an escape sequence (\b \t \n \f \r \" \\ \uHHHH \UHHHHHHHH) after '\', got 'x'"#)
        #expect(failure(#"a = "\u12""#) == #"1:10: expected 4 hexadecimal digits after '\u', got '"'"#)
        #expect(failure(#"a = "\x4""#) == #"1:9: expected 2 hexadecimal digits after '\x', got '"'"#)
        #expect(failure(#"a = "\uD800""#) == #"1:6: escape '\uD800' is not a Unicode scalar value (surrogates and values above 10FFFF are not)"#)
        #expect(failure(#"a = "\U00110000""#) == #"1:6: escape '\U00110000' is not a Unicode scalar value (surrogates and values above 10FFFF are not)"#)
        #expect(failure(#"a = """x"#) == #"1:9: expected '"""' to close the multi-line string, got end of file"#)
        #expect(failure(#"a = """x"""""""#) == #"1:9: expected at most 5 '"' at the end of a multi-line string, got 6"#)
        #expect(failure("a = \"\"\"x\ry\"\"\"") == "1:9: control character U+000D is not allowed in a string; write it as an escape")
        #expect(failure(#"a = """\ x""""#) == #"1:9: expected an escape sequence (\b \t \n \f \r \e \" \\ \xHH \uHHHH \UHHHHHHHH) after '\', got ' '"#)
        #expect(failure("a = 'x") == #"1:7: expected "'" to close the string, got end of file"#)
        #expect(failure("a = 'x\u{08}'") == "1:7: control character U+0008 is not allowed in a string; write it as an escape")
        #expect(failure("a = '''x") == #"1:9: expected "'''" to close the multi-line string, got end of file"#)
        #expect(failure("a = '''x''''''") == #"1:9: expected at most 5 "'" at the end of a multi-line string, got 6"#)
    }

    @Test func commentsAndEncoding() {
        #expect(failure("# a\u{01}") == "1:4: control character U+0001 is not allowed in a comment")
        #expect(failure("a = 1 # x\ry") == "1:10: control character U+000D is not allowed in a comment")
        #expect(failure("a = 1\r") == "1:6: expected a newline or comment after a value, got control character U+000D")
        #expect(failure(Array("a = \"".utf8) + [0xFF, 0x22]) == "1:6: invalid UTF-8 byte 0xFF")
        #expect(failure(Array("a = \"".utf8) + [0xC0, 0x80, 0x22]) == "1:6: invalid UTF-8 byte 0xC0")
        #expect(failure(Array("a = \"".utf8) + [0xED, 0xA0, 0x80, 0x22]) == "1:6: invalid UTF-8 byte 0xED")
        #expect(failure(Array("# ".utf8) + [0xF4, 0x90, 0x80, 0x80]) == "1:3: invalid UTF-8 byte 0xF4")
        #expect(failure(Array("a = \"".utf8) + [0xE2, 0x82]) == "1:6: invalid UTF-8 byte 0xE2")
    }

    @Test func integers() {
        #expect(failure("a = 012") == "1:5: leading zeros are not allowed in '012'")
        #expect(failure("a = -012") == "1:6: leading zeros are not allowed in '-012'")
        #expect(failure("a = 1__2") == "1:7: expected a digit after '_', got '_'")
        #expect(failure("a = 1_") == "1:7: expected a digit after '_', got end of file")
        #expect(failure("a = _1") == "1:5: expected a value, got '_1'")
        #expect(failure("a = 9223372036854775808") == "1:5: integer 9223372036854775808 does not fit in 64 bits (-9223372036854775808 to 9223372036854775807)")
        #expect(failure("a = -9223372036854775809") == "1:5: integer -9223372036854775809 does not fit in 64 bits (-9223372036854775808 to 9223372036854775807)")
        #expect(failure("a = 0x") == "1:7: expected a hexadecimal digit after '0x', got end of file")
        #expect(failure("a = 0o8") == "1:7: expected an octal digit after '0o', got '8'")
        #expect(failure("a = 0b1_") == "1:9: expected a binary digit after '_', got end of file")
        #expect(failure("a = +0x1") == "1:5: a sign is not allowed on hexadecimal, octal or binary integers")
        #expect(failure("a = 0x8000_0000_0000_0000") == "1:5: integer 0x8000_0000_0000_0000 does not fit in 64 bits (at most 9223372036854775807)")
    }

    @Test func floats() {
        #expect(failure("a = 1.") == "1:7: expected a digit after '.', got end of file")
        #expect(failure("a = 1.e5") == "1:7: expected a digit after '.', got 'e'")
        #expect(failure("a = 1e") == "1:7: expected a digit in the exponent, got end of file")
        #expect(failure("a = 1e+") == "1:8: expected a digit in the exponent, got end of file")
        #expect(failure("a = 01.5") == "1:5: leading zeros are not allowed in '01'")
        #expect(failure("a = .5") == "1:5: expected a value, got '.'")
        #expect(failure("a = infinity") == "1:8: expected a newline or comment after a value, got 'i'")
    }

    @Test func datesAndTimes() {
        #expect(failure("a = 2021-13-01") == "1:10: month 13 is out of range (01 to 12)")
        #expect(failure("a = 2021-00-01") == "1:10: month 00 is out of range (01 to 12)")
        #expect(failure("a = 2021-02-29") == "1:13: day 29 is out of range for 2021-02 (01 to 28)")
        #expect(failure("a = 2021-04-31") == "1:13: day 31 is out of range for 2021-04 (01 to 30)")
        #expect(failure("a = 2024-02-29") == "no error")
        #expect(failure("a = 2021-02-2") == "1:14: expected a 2-digit day, got end of file")
        #expect(failure("a = 2021-02-030") == "1:15: expected a 2-digit day, got more digits")
        #expect(failure("a = 2021-2-03") == "1:11: expected a 2-digit month, got '-'")
        #expect(failure("a = 24:00:00") == "1:5: hour 24 is out of range (00 to 23)")
        #expect(failure("a = 12:60:00") == "1:8: minute 60 is out of range (00 to 59)")
        #expect(failure("a = 12:00:61") == "1:11: second 61 is out of range (00 to 59, or 60 for a leap second)")
        #expect(failure("a = 2016-12-31T23:59:60Z") == "no error")
        #expect(failure("a = 2016-12-31T18:59:60-05:00") == "no error")
        #expect(failure("a = 2016-12-31T12:00:60Z") == "1:22: second 60 is only valid for a leap second, at 23:59:60 UTC")
        #expect(failure("a = 12:00:60") == "1:11: second 60 is only valid for a leap second, at 23:59:60 UTC")
        #expect(failure("a = 2016-12-31T12:00:60") == "1:22: second 60 is only valid for a leap second, at 23:59:60 UTC")
        #expect(failure("a = 23:59:60") == "no error")
        #expect(failure("a = 05:29:60") == "no error")  // 23:59:60 UTC seen from +05:30
        #expect(failure("a = 12:30", .v1_0) == "1:10: expected ':' and seconds after the minute, got end of file (seconds are optional only in TOML 1.1)")
        #expect(failure("a = 12:30", .v1_1) == "no error")
        #expect(failure("a = 12:30:00.") == "1:14: expected a digit after '.', got end of file")
        #expect(failure("a = 1979-05-27T") == "1:16: expected a 2-digit hour, got end of file")
        #expect(failure("a = 2021-01-01T00:00:00+25:00") == "1:25: offset hour 25 is out of range (00 to 23)")
        #expect(failure("a = 2021-01-01T00:00:00+01:60") == "1:28: offset minute 60 is out of range (00 to 59)")
        #expect(failure("a = 2021-01-01T00:00:00+0100") == "1:27: expected ':' in the offset, got '0'")
        #expect(failure("a = 2021-01-01x") == "1:15: expected a newline or comment after a value, got 'x'")
        #expect(failure("a = 2021-02x01") == "1:12: expected '-' after the month, got 'x'")
        #expect(failure("a = 1979-05-27T07-32") == "1:18: expected ':' after the hour, got '-'")
        #expect(failure("a = 12:345") == "1:10: expected a 2-digit minute, got more digits")
        #expect(failure("a = 12:34:567") == "1:13: expected a 2-digit second, got more digits")
        #expect(failure("a = 12:34:5") == "1:12: expected a 2-digit second, got end of file")
    }

    @Test func nestingIsLimited() {
        let deepKey = "a" + String(repeating: ".a", count: TOML.maxDepth) + " = 1"
        #expect(failure(deepKey) == "1:200: key has more than 100 dotted parts")
        let deepArray = "a = " + String(repeating: "[", count: 101) + String(repeating: "]", count: 101)
        #expect(failure(deepArray) == "1:105: nesting is deeper than 100 levels of tables and arrays")
        let okArray = "a = " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(failure(okArray) == "no error")
        let deepInline = "a = " + String(repeating: "{b = ", count: 101) + "1" + String(repeating: "}", count: 101)
        #expect(failure(deepInline) == "1:505: nesting is deeper than 100 levels of tables and arrays")
        // A million brackets: an error, not a stack overflow.
        let hostile = "a = " + String(repeating: "[", count: 1_000_000)
        #expect(failure(hostile).hasSuffix("nesting is deeper than 100 levels of tables and arrays"))
    }

    @Test func renderingShowsTheLineAndACaret() throws {
        let text = "# crampd\nevery: 3\n"
        let error = try #require(throws: TOMLError.self) { try TOML.parse(text) }
        #expect(error.rendered(in: SourceText(name: "config.toml", text: text)) == """
        config.toml:2:6: expected '=' after key "every", got ':'
            every: 3
                 ^
        """)
    }

    @Test func renderingEscapesControlCharactersAndKeepsTheCaretInPlace() throws {
        // An escape sequence in a comment and a key: printed raw it would recolour the terminal.
        let text = "a\u{1B}[31m = 1 # \u{1B}[2J\n"
        let source = SourceText(name: "con\u{07}fig.toml", text: text)
        #expect(source.render(message: "bad key \"a\u{1B}\"", at: 9) == """
        con\\x07fig.toml:1:10: bad key "a\\x1B"
            a\\x1B[31m = 1 # \\x1B[2J
                        ^
        """)
    }
}
