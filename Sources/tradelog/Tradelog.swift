import ArgumentParser

/// The `tradelog` command: one executable with subcommands, like `rpk` or `kcat`. Each subcommand
/// parses and validates its flags, then hands the work to a library target.
@main
struct Tradelog: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tradelog",
    abstract: "An event-sourced exchange back end: command log in, event log out.",
    version: "0.1.0",
    subcommands: [
      DevCommand.self, SequencerCommand.self, SubmitCommand.self, LoadCommand.self, TailCommand.self,
      SnapshotCommand.self, ReplayCommand.self, AuditCommand.self, ProjectCommand.self, WorkloadCommand.self,
      BrokerCommand.self,
    ]
  )
}
