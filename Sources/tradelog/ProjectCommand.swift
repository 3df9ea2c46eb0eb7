import ArgumentParser

/// `tradelog project`: the projectors, each folding the events log into a database's read tables.
struct ProjectCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "project",
    abstract: "Fold the events log into read tables.",
    subcommands: [ProjectPostgresCommand.self, ProjectClickHouseCommand.self])
}
