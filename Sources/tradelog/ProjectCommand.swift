import ArgumentParser

/// `tradelog project`: the projectors that fold the events log into read stores.
struct ProjectCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "project",
    abstract: "Fold the events log into read tables.",
    subcommands: [ProjectPostgresCommand.self])
}
