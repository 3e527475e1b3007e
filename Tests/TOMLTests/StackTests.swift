import Glibc
import Testing
@testable import TOML

/// Parsing, writing and comparing documents nested `TOML.maxDepth` deep must
/// fit on a thread with a 2 MB stack (a quarter of Linux's default), even in
/// a debug build.
@Suite struct StackTests {
    static let documents = [
        "a = " + String(repeating: "[", count: TOML.maxDepth) + String(repeating: "]", count: TOML.maxDepth),
        "a = " + String(repeating: "{b = ", count: TOML.maxDepth) + "1" + String(repeating: "}", count: TOML.maxDepth),
        "a = " + String(repeating: "[{b = ", count: TOML.maxDepth / 2) + "1" + String(repeating: "}]", count: TOML.maxDepth / 2),
        "a" + String(repeating: ".a", count: TOML.maxDepth - 1) + " = 1",
        "[b" + String(repeating: ".b", count: TOML.maxDepth - 1) + "]\nx = 1",
    ]

    @Test func maximumNestingFitsOnASmallStack() {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        pthread_attr_setstacksize(&attributes, 2 << 20)
        var thread = pthread_t()
        let created = pthread_create(&thread, &attributes, { _ in
            var failures = 0
            for text in StackTests.documents {
                do {
                    let table = try TOML.parse(text)
                    if try TOML.parse(TOML.write(table)) != table { failures += 1 }
                } catch {
                    failures += 1
                }
            }
            return UnsafeMutableRawPointer(bitPattern: failures + 1)
        }, nil)
        #expect(created == 0)
        var result: UnsafeMutableRawPointer?
        pthread_join(thread, &result)
        #expect(Int(bitPattern: result) - 1 == 0)
    }
}
