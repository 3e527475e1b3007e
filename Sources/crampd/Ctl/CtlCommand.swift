import ArgumentParser

/// `crampd ctl …`: adjust the running daemon. One subcommand per file.
struct CtlCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ctl",
        abstract: "Control the running crampd: see what is next, confirm, snooze, pause, change schedules.",
        discussion: """
            Talks to the daemon over its control socket ($XDG_RUNTIME_DIR/crampd/ctl.sock, or \
            $CRAMPD_SOCKET, or --socket PATH). Every command takes --json for scripts.

            Examples:
              crampd ctl list
              crampd ctl done water
              crampd ctl snooze water 15m
              crampd ctl pause --until 18:00
              crampd ctl set water every=30m
              crampd ctl drink 330
              crampd ctl today

            Exit status: 0 on success, 1 when the daemon reports an error, 2 on a usage \
            error, 69 when the daemon is not running.
            """,
        subcommands: [
            CtlStatus.self,
            CtlList.self,
            CtlNext.self,
            CtlShow.self,
            CtlDone.self,
            CtlSnooze.self,
            CtlSkip.self,
            CtlTrigger.self,
            CtlPause.self,
            CtlResume.self,
            CtlSet.self,
            CtlAdd.self,
            CtlRemove.self,
            CtlReset.self,
            CtlReload.self,
            CtlNotifyTest.self,
            CtlDrink.self,
            CtlTake.self,
            CtlCramp.self,
            CtlUndo.self,
            CtlToday.self,
            CtlStats.self,
            CtlExport.self,
            CtlImport.self,
            CtlReport.self,
            CtlPatterns.self,
            CtlWatch.self,
            CtlBar.self,
            CtlStock.self,
        ]
    )
}
