import FoundationEssentials
import Testing
@testable import CrampCore

/// Issue 16 item 3: GNOME's do-not-disturb (`show-banners`) read from dconf's own file. The
/// fixtures were written by the real dconf-service 0.40 (`gsettings set
/// org.gnome.desktop.notifications show-banners false`, then `clock-format '12h'` beside it,
/// then `true`, then `gsettings reset`), on a private session bus.
@Suite struct DconfDatabaseTests {
    static let showBannersFalse = "R1ZhcmlhbnQAAAAAAAAAABgAAAAAAQAAAAAAKAgAAAAAAAAAAQAAAAQAAAAFAAAABwAAAAgAAAAIAAAACAAAALC3JDAFAAAAAAEAAAYATAAIAQAADAEAALmI/doAAAAADAEAAAgATAAUAQAAHAEAANmCtRwEAAAAHAEAAAwAdgAoAQAAKwEAADnFO08BAAAAKwEAAAoATAA4AQAAPAEAAMIdjIUBAAAAPAEAAA4ATABMAQAAUAEAAEtQkAsHAAAAUAEAAAQATABUAQAAWAEAADtvqgkDAAAAWAEAAAwAdgBoAQAAbgEAANS1AgD/////bgEAAAEATABwAQAAdAEAAGdub21lLwAAAQAAAGRlc2t0b3AvAwAAAAQAAABzaG93LWJhbm5lcnMAAGJpbnRlcmZhY2UvAAAABgAAAG5vdGlmaWNhdGlvbnMvAAACAAAAb3JnLwAAAABjbG9jay1mb3JtYXQAAAAAMTJoAABzLwAFAAAA"
    static let showBannersTrue = "R1ZhcmlhbnQAAAAAAAAAABgAAAAAAQAAAAAAKAgAAAAAAAAAAQAAAAQAAAAFAAAABwAAAAgAAAAIAAAACAAAALC3JDAFAAAAAAEAAAYATAAIAQAADAEAALmI/doAAAAADAEAAAgATAAUAQAAHAEAANmCtRwEAAAAHAEAAAwAdgAoAQAAKwEAADnFO08BAAAAKwEAAAoATAA4AQAAPAEAAMIdjIUBAAAAPAEAAA4ATABMAQAAUAEAAEtQkAsHAAAAUAEAAAQATABUAQAAWAEAADtvqgkDAAAAWAEAAAwAdgBoAQAAbgEAANS1AgD/////bgEAAAEATABwAQAAdAEAAGdub21lLwAAAQAAAGRlc2t0b3AvAwAAAAQAAABzaG93LWJhbm5lcnMBAGJpbnRlcmZhY2UvAAAABgAAAG5vdGlmaWNhdGlvbnMvAAACAAAAb3JnLwAAAABjbG9jay1mb3JtYXQAAAAAMTJoAABzLwAFAAAA"
    static let showBannersReset = "R1ZhcmlhbnQAAAAAAAAAABgAAADIAAAAAAAAKAYAAAAAAAAAAAAAAAIAAAAEAAAABQAAAAUAAAA7b6oJBQAAAMgAAAAMAHYA2AAAAN4AAABLUJALAgAAAN4AAAAEAEwA5AAAAOgAAADUtQIA/////+gAAAABAEwA7AAAAPAAAACwtyQwAQAAAPAAAAAGAEwA+AAAAPwAAAC5iP3aAwAAAPwAAAAIAEwABAEAAAgBAAA5xTtPBAAAAAgBAAAKAEwAFAEAABgBAABjbG9jay1mb3JtYXQAAAAAMTJoAABzb3JnLwAAAwAAAC8AAAABAAAAZ25vbWUvAAAEAAAAZGVza3RvcC8FAAAAaW50ZXJmYWNlLwAAAAAAAA=="
    static let key = "/org/gnome/desktop/notifications/show-banners"

    static func database(_ base64: String) throws -> DconfDatabase {
        DconfDatabase(bytes: Array(try #require(Data(base64Encoded: base64))))
    }

    @Test func showBannersReadsAsDconfWroteIt() throws {
        #expect(try Self.database(Self.showBannersFalse).bool(at: Self.key) == false)
        #expect(try Self.database(Self.showBannersTrue).bool(at: Self.key) == true)
        // Reset: the key is gone, the schema's default (true) applies.
        #expect(try Self.database(Self.showBannersReset).bool(at: Self.key) == nil)
    }

    @Test func otherKeysAndTypesAreNotTakenForIt() throws {
        let database = try Self.database(Self.showBannersFalse)
        #expect(database.variant(at: "/org/gnome/desktop/interface/clock-format")?.type == "s")
        #expect(database.bool(at: "/org/gnome/desktop/interface/clock-format") == nil)
        #expect(database.bool(at: "/org/gnome/desktop/notifications/show-banner") == nil)
        #expect(database.bool(at: "show-banners") == nil)
        #expect(database.bool(at: "") == nil)
    }

    @Test func anyDamageReadsAsNilOrAValueNeverATrap() throws {
        let original = try Self.database(Self.showBannersFalse).bytes
        for length in 0..<original.count {
            _ = DconfDatabase(bytes: Array(original.prefix(length))).bool(at: Self.key)
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            _ = DconfDatabase(bytes: bytes).bool(at: Self.key)
        }
        #expect(DconfDatabase(bytes: Array("GVariant".utf8) + [UInt8](repeating: 0xff, count: 64)).bool(at: Self.key) == nil)
    }

    /// A parent chain that loops ends after `maximumDepth` steps.
    @Test func aParentLoopEnds() throws {
        var bytes = try Self.database(Self.showBannersFalse).bytes
        // Every item's parent points at itself.
        let itemsAt = 0x18 + 8 + 4 * 8
        for item in 0..<((0x100 - itemsAt) / 24) {
            let at = itemsAt + 24 * item + 4
            bytes[at] = UInt8(item); bytes[at + 1] = 0; bytes[at + 2] = 0; bytes[at + 3] = 0
        }
        #expect(DconfDatabase(bytes: bytes).bool(at: Self.key) == nil)
    }
}
