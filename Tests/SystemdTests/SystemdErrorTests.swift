import Glibc
import Systemd
import Testing

@Suite struct SystemdErrorTests {
    @Test func namesTheCallAndTheErrnoText() {
        let error = SystemdError(action: "send journal entry", function: "sd_journal_sendv", code: ECONNREFUSED)
        #expect(error.description == "Failed to send journal entry: sd_journal_sendv: Connection refused")
        #expect(error.cause == "sd_journal_sendv: Connection refused")  // for callers that word "Failed to …" themselves
    }

    @Test func detailReplacesTheErrnoText() {
        let error = SystemdError(action: "send journal entry", function: nil, code: EINVAL, detail: "no fields")
        #expect(error.description == "Failed to send journal entry: no fields")
        #expect(error.cause == "no fields")
    }
}
