import CLazyLibrary
import Glibc
import Testing

/// CLazyLibrary loads a library on first use; a missing one is an error value, not a crash.
struct LazyLibraryTests {
    @Test func resolvesASymbolOnceAndCachesIt() throws {
        var library = crampd_lazy_library()  // zeroed: PTHREAD_ONCE_INIT is 0 on Linux
        library.soname = UnsafePointer(strdup("libc.so.6"))
        var slot: UnsafeMutableRawPointer?
        let first = try #require(crampd_lazy_symbol(&library, &slot, "getpid"))
        #expect(slot == first)
        #expect(crampd_lazy_symbol(&library, &slot, "getpid") == first)
        #expect(String(cString: crampd_lazy_error(&library)) == "")
        let getpid = unsafeBitCast(first, to: (@convention(c) () -> pid_t).self)
        #expect(getpid() == Glibc.getpid())
    }

    @Test func aMissingLibraryIsReportedWithTheLoadersReason() {
        var library = crampd_lazy_library()
        library.soname = UnsafePointer(strdup("libcrampd-not-installed.so.0"))
        var slot: UnsafeMutableRawPointer?
        #expect(crampd_lazy_symbol(&library, &slot, "anything") == nil)
        #expect(slot == nil)
        let reason = String(cString: crampd_lazy_error(&library))
        #expect(reason.contains("libcrampd-not-installed.so.0"), "\(reason)")
    }

    @Test func aMissingSymbolIsNil() {
        var library = crampd_lazy_library()
        library.soname = UnsafePointer(strdup("libc.so.6"))
        var slot: UnsafeMutableRawPointer?
        #expect(crampd_lazy_symbol(&library, &slot, "crampd_no_such_function") == nil)
    }
}
